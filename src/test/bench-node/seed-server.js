// The seed's local sync server as a benchmark baseline (BENCHMARKS.md, issue 16): a Node 20 `http`
// server, no npm packages, that keeps the last 100 orders of each outlet in memory and answers
// GET /api/orders?outlet_id=1&since_id=100 the way the seed did: parse the query, filter by since_id,
// JSON.stringify the list on every request. POST /api/orders adds an order (an id is given).
//
// Usage: node seed-server.js <orders.json> [port]   (port 0 or none: any free port)
// It prints "seed server on http://127.0.0.1:<port>" once listening. orders.json is a JSON array of
// orders in the wire shape (PROTOCOL 3.1); StoreServerVsNodeBenchmark writes it from the store
// server's own answer, so both servers hold the same orders.
'use strict';
const http = require('http');
const fs = require('fs');

const KEPT_PER_OUTLET = 100;
const ordersByOutlet = new Map();
let nextId = 1;

function remember(order) {
  const outlet = Number(order.outlet_id);
  let orders = ordersByOutlet.get(outlet);
  if (!orders) {
    orders = [];
    ordersByOutlet.set(outlet, orders);
  }
  orders.push(order);
  if (orders.length > KEPT_PER_OUTLET) {
    orders.shift();
  }
  nextId = Math.max(nextId, order.id + 1);
}

for (const order of JSON.parse(fs.readFileSync(process.argv[2], 'utf8'))) {
  remember(order);
}

function answer(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(body);
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname !== '/api/orders') {
    answer(res, 404, JSON.stringify({ error: 'no such route' }));
  } else if (req.method === 'GET') {
    const outlet = Number(url.searchParams.get('outlet_id'));
    const sinceId = Number(url.searchParams.get('since_id') || 0);
    const orders = (ordersByOutlet.get(outlet) || []).filter((order) => order.id > sinceId);
    answer(res, 200, JSON.stringify(orders));
  } else if (req.method === 'POST') {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      try {
        const order = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        order.id = nextId;
        remember(order);
        answer(res, 201, JSON.stringify(order));
      } catch (e) {
        answer(res, 400, JSON.stringify({ error: 'body is not valid JSON' }));
      }
    });
  } else {
    answer(res, 405, JSON.stringify({ error: 'method not allowed' }));
  }
});

server.listen(Number(process.argv[3] || 0), '127.0.0.1', () => {
  console.log('seed server on http://127.0.0.1:' + server.address().port);
});
