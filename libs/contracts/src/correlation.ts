/** The header a caller may set to follow one article through every process's logs. */
export const CORRELATION_ID_HEADER = 'x-correlation-id';
