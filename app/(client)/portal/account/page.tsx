import type { Metadata } from 'next';
import { AccountView } from '@/components/auth/account-view';
import { requireClient } from '@/lib/auth/current';

export const metadata: Metadata = { title: 'Mein Zugang' };

export default async function ClientAccountPage() {
  const { user } = await requireClient();
  return <AccountView username={user.username} />;
}
