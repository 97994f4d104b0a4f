import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { helpTopics, searchHelp } from '../../lib/help/topics';
import { catalogs } from '../../messages';

describe('HILFE', () => {
  it('finds topics by words from title, keywords and text, umlauts folded', () => {
    expect(searchHelp('PIN', { admin: true }).map((t) => t.id)).toContain('passwortvergabe');
    expect(searchHelp('freigaben nur lesen', { admin: true }).map((t) => t.id)).toEqual(['freigaben']);
    expect(searchHelp('Anderungen Kunde', { admin: false }).map((t) => t.id)).toContain('kundenaenderungen');
    expect(searchHelp('gibt es nicht xyz', { admin: true })).toEqual([]);
    expect(searchHelp('', { admin: true })).toHaveLength(helpTopics.length);
  });

  it('hides admin topics from employees', () => {
    const ids = searchHelp('', { admin: false }).map((t) => t.id);
    expect(ids).not.toContain('whitelabel');
    expect(ids).toContain('kontaktanlage');
  });

  it('links every topic to a screen that exists', () => {
    for (const topic of helpTopics) {
      const route = topic.link.href.split('?')[0]!.replace(/^\//, '');
      const page = path.join('app', '(advisor)', route, 'page.tsx');
      expect(existsSync(page), `${topic.id} → ${page}`).toBe(true);
    }
  });

  it('has every topic in both catalogs: title, exactly its steps, the link label', () => {
    for (const locale of ['de', 'en'] as const) {
      const texts = catalogs[locale].help.topics as Record<
        string,
        { title: string; steps: Record<string, string>; link: string }
      >;
      expect(Object.keys(texts).sort()).toEqual(helpTopics.map((t) => t.key).sort());
      for (const topic of helpTopics) {
        const text = texts[topic.key]!;
        expect(text.title, `${locale} ${topic.id}`).toBeTruthy();
        expect(text.link, `${locale} ${topic.id}`).toBeTruthy();
        expect(Object.keys(text.steps), `${locale} ${topic.id}`).toEqual(
          Array.from({ length: topic.steps }, (_, i) => String(i + 1)),
        );
      }
    }
  });

  it('searches the English texts for English readers', () => {
    expect(searchHelp('password', { admin: true, locale: 'en' }).map((t) => t.id)).toContain('passwortvergabe');
    expect(searchHelp('password', { admin: true, locale: 'en' })[0]!.title).toBe('Setting the PASSWORD');
    expect(searchHelp('PIN', { admin: true })[0]!.title).toBe('Die PASSWORTVERGABE');
  });
});
