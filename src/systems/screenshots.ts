/** A guide screenshot from Kombo's help centre, by its attachment id. */
export const komboAttachment = (id: string) => `https://help.kombo.dev/hc/article_attachments/${id}`;
