import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';

const REJECTIONS = {
  431: {
    reason: 'Request Header Fields Too Large',
    error: { code: 'headers_too_large', message: 'The URL and headers are over the 16 KB limit.' },
  },
  400: { reason: 'Bad Request', error: { code: 'bad_request', message: 'The HTTP request is malformed.' } },
};

/**
 * Requests Node's HTTP parser rejects before Express sees them (a URL or headers over 16 KB, a
 * malformed request line) get the error shape too, instead of Node's bodiless 431 or 400.
 */
export function answerClientErrorsInShape(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    const { reason, error: body } = REJECTIONS[status];
    const text = JSON.stringify({ error: body });
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
    );
  });
}
