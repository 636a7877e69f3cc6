// Prototype (run.sh): write the Node seed server's answers for the mix's three queries, so the Java protos send the same bytes.
const fs = require('fs');
const orders = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const folder = process.argv[3] || '.';
const newest = orders[orders.length - 1].id;
const lines = [];
for (const back of [0, 3, 20]) {
  const since = newest - back;
  const file = 'answer-' + back + '.json';
  fs.writeFileSync(folder + '/' + file, JSON.stringify(orders.filter((o) => o.id > since)));
  lines.push('outlet_id=1&since_id=' + since + ' ' + file);
}
fs.writeFileSync(folder + '/queries.txt', lines.join('\n') + '\n');
