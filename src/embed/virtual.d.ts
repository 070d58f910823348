/** Built by vite.config.ts from the locale files: the facade's strings per language, `embed.facade.` stripped. */
declare module 'virtual:spinecast-facade-messages' {
  const messages: Readonly<Record<string, Readonly<Record<string, string>>>>;
  export default messages;
}
