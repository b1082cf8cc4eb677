// Sends each pre-built request of a file (one a line: headers as JSON, a tab, the body) once, over CONNECTIONS
// kept-alive connections, and ends when every one was answered (wrk cannot: it runs for a fixed duration). Prints
// BURST refused=… requests=… rps=… p50_ms=… p99_ms=… seconds=…; a refused request is one not answered 200.
//   node burst-send.js URL FILE CONNECTIONS
const fs = require("fs");
const http = require("http");

const [url, file, connections] = process.argv.slice(2);
const target = new URL("/webhook/event", url);
const requests = fs.readFileSync(file, "utf8").split("\n").filter(Boolean).map((line) => {
  const tab = line.indexOf("\t");
  return { headers: JSON.parse(line.slice(0, tab)), body: Buffer.from(line.slice(tab + 1)) };
});
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(connections) });
const latencies = new Float64Array(requests.length);
let next = 0;
let refused = 0;

function send(i) {
  return new Promise((resolve) => {
    const { headers, body } = requests[i];
    const began = process.hrtime.bigint();
    const req = http.request(target, { method: "POST", agent, headers: { ...headers, "Content-Length": body.length } },
      (res) => {
        res.resume();
        res.on("end", () => {
          latencies[i] = Number(process.hrtime.bigint() - began) / 1e6;
          if (res.statusCode !== 200) refused++;
          resolve();
        });
      });
    req.on("error", () => { refused++; resolve(); });
    req.end(body);
  });
}

async function connection() {
  while (next < requests.length) {
    await send(next++);
  }
}

const started = process.hrtime.bigint();
Promise.all(Array.from({ length: Number(connections) }, connection)).then(() => {
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const sorted = Array.from(latencies).sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))].toFixed(2);
  console.log(`BURST refused=${refused} requests=${requests.length} rps=${(requests.length / seconds).toFixed(0)} ` +
    `p50_ms=${at(0.5)} p99_ms=${at(0.99)} seconds=${seconds.toFixed(1)}`);
  agent.destroy();
});
