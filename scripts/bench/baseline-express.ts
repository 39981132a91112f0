// The framework's floor: an Express 5 app that parses the JSON body (gzip/deflate/br included, as
// body-parser does) and answers 201 with no checks. Started by the benchmark in its own process.
import express from 'express';

const app = express();
app.use(express.json({ limit: '1mb', type: () => true }));
app.post('/events', (_req, res) => {
  res.status(201).json({ message: 'Success record.' });
});

const server = app.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  console.log(`listening on http://127.0.0.1:${port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
