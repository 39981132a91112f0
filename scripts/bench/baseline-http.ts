// The machine's floor: a bare node:http server that reads the whole body and answers 201 with the
// documented success body. No parsing, no checks. Started by the benchmark in its own process.
import http from 'node:http';

const BODY = JSON.stringify({ message: 'Success record.' });

const server = http.createServer((req, res) => {
  req.on('data', () => undefined);
  req.on('end', () => {
    res.writeHead(201, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(BODY),
    });
    res.end(BODY);
  });
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  console.log(`listening on http://127.0.0.1:${port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
