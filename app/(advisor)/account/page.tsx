import type { Metadata } from 'next';
import { AccountView } from '@/components/auth/account-view';
import { requireAdvisor } from '@/lib/auth/current';

export const metadata: Metadata = { title: 'Mein Zugang' };

export default async function AdvisorAccountPage() {
  const { user } = await requireAdvisor();
  return <AccountView username={user.username} />;
}
