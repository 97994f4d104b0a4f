'use server';

import { revalidatePath } from 'next/cache';
import { advisorAction } from '../actions/define';
import type { Ctx } from '../ctx';
import type { ThemeColors } from '../tenant/theme';
import { saveColors } from './colors';
import { saveFrameOrigins } from './embed';
import { saveRichText } from './save-text';
import { colorsSchema, frameOriginsSchema, resetColorsSchema, richTextSchema } from './schemas';

/** Colours appear on every page: the whole client router cache is refreshed, not one path. */
async function colorsEverywhere(ctx: Ctx, colors: ThemeColors | 'reset'): Promise<undefined> {
  await saveColors(ctx, colors);
  revalidatePath('/', 'layout');
  return undefined;
}

/** IMPRESSUM / E-MAIL-SIGNATUR SPEICHERN (admins only; checked in saveRichText). The editor keeps its text. */
export const saveRichTextAction = advisorAction({
  name: 'settings.richtext',
  schema: richTextSchema,
  run: saveRichText,
  revalidate: () => '/impressum',
  echo: 'never',
});

/** WHITELABEL: HAUPTFARBE, ZWEITFARBE, ERSTE SCHRIFTFARBE. */
export const saveColorsAction = advisorAction({
  name: 'settings.colors',
  schema: colorsSchema,
  run: (ctx, input) => colorsEverywhere(ctx, input),
  echo: 'always',
});

/** "Zurücksetzen" to the default colours. */
export const resetColorsAction = advisorAction({
  name: 'settings.colors.reset',
  schema: resetColorsSchema,
  run: (ctx) => colorsEverywhere(ctx, 'reset'),
  echo: 'never',
});

/** "Auf Ihrer Website einbinden": the websites allowed to frame the login card. */
export const saveFrameOriginsAction = advisorAction({
  name: 'settings.embed',
  schema: frameOriginsSchema,
  run: saveFrameOrigins,
  revalidate: () => '/settings/website',
  echo: 'always',
});
