/** EINSTELLUNGEN: IMPRESSUM, E-MAIL-SIGNATUR, WHITELABEL colours, the websites that may embed the login card. */
export { saveColors } from './colors';
export { maxFrameOrigins, parseFrameOrigin, saveFrameOrigins } from './embed';
export { saveRichText, type RichTextKind } from './save-text';
export { loadTexts, publicImpressum, settingsTexts, type TenantTexts } from './texts';
