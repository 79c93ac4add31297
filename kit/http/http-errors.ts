/**
 * What a part answers when it cannot read a request: a status, a code and a message that names the
 * problem, as a JSON body in GraphQL's error shape — never a stack trace, a file path or a parser's
 * own text. The gateway, the subgraphs and the Hive Gateway set-up answer with these same errors.
 */

export interface HttpFout {
  status: number;
  code: string;
  message: string;
}

export const HTTP_FOUTEN = {
  tooLarge: (limitBytes: number): HttpFout => ({ status: 413, code: 'PAYLOAD_TOO_LARGE', message: `Request body is larger than ${limitBytes} bytes` }),
  mediaType: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Content-Type must be application/json' } as HttpFout,
  invalidJson: { status: 400, code: 'BAD_REQUEST', message: 'Request body is not valid JSON' } as HttpFout,
  emptyBody: { status: 400, code: 'BAD_REQUEST', message: 'Request body is empty; send a JSON object with "query"' } as HttpFout,
  contentLength: { status: 400, code: 'BAD_REQUEST', message: 'Content-Length does not match the body' } as HttpFout,
  badRequest: { status: 400, code: 'BAD_REQUEST', message: 'Bad request' } as HttpFout,
  internal: (status = 500): HttpFout => ({ status, code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' }),
};

/** The JSON body of an HTTP error. */
export function httpErrorBody({ code, message }: HttpFout): { errors: [{ message: string; extensions: { code: string } }] } {
  return { errors: [{ message, extensions: { code } }] };
}
