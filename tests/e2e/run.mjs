// End-to-end: the real cnscd-bot against telegram-test-api (a Telegram Bot API emulator),
// in long-polling mode and in webhook mode. A user sends /start and must receive the bot's
// Vietnamese answer; then presses through /giup.
//
//   node tests/e2e/run.mjs path/to/cnscd-bot
//
// The emulator sends webhooks without Telegram's secret header (reference/platforms.md,
// 3.4.7), so webhook mode goes through a small proxy here that adds it, as Telegram would:
// the bot itself stays strict.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import TelegramServer from 'telegram-test-api';

const binary = process.argv[2];
if (!binary) {
  console.error('usage: node run.mjs path/to/cnscd-bot');
  process.exit(2);
}
const TOKEN = '123456:E2ETOKEN';
const SECRET = 'e2e-secret';

function freePort() {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitHealthy(port, child) {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`bot exited with ${child.exitCode}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (r.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error('bot did not become healthy');
}

function startBot(env, logName) {
  const dir = mkdtempSync(join(tmpdir(), 'cnscd-e2e-'));
  const child = spawn(binary, ['serve'], {
    env: { PATH: process.env.PATH, CNSCD_DB: join(dir, 'bot.db'), CNSCD_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.dir = dir;
  child.logName = logName;
  return child;
}

async function stopBot(child) {
  if (child.exitCode === null) {
    child.kill('SIGTERM');
    for (let i = 0; i < 100 && child.exitCode === null; i++) await sleep(100);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  rmSync(child.dir, { recursive: true, force: true });
  return child.exitCode;
}

function expect(cond, what) {
  if (!cond) throw new Error(`expectation failed: ${what}`);
}

// One user conversation: /start then /giup, each answered in Vietnamese.
async function conversation(server, label) {
  const user = server.getClient(TOKEN, {
    userId: 4242, chatId: 4242, firstName: 'Lan', userName: 'lan_tcns', type: 'private', timeout: 15000,
  });
  await user.sendCommand(user.makeCommand('/start'));
  const start = await user.getUpdates();
  const texts = start.result.map((u) => u.message.text);
  expect(texts.some((t) => t.includes('Xin chào Lan')), `${label}: /start greets in Vietnamese, got ${JSON.stringify(texts)}`);
  expect(texts.some((t) => t.includes('/tham')), `${label}: /start lists the commands`);
  await user.sendCommand(user.makeCommand('/giup'));
  const help = await user.getUpdates();
  expect(help.result.some((u) => u.message.text.includes('Các lệnh của thành viên')), `${label}: /giup answers`);
  await user.sendMessage(user.makeMessage('/thongekk'));
  const unknown = await user.getUpdates();
  expect(unknown.result.some((u) => u.message.text.includes('/thongke')), `${label}: a typo gets a suggestion`);
  console.log(`ok - ${label}: /start, /giup and a mistyped command answered`);
}

async function pollingMode() {
  const port = await freePort();
  const server = new TelegramServer({ host: '127.0.0.1', port, storeTimeout: 120 });
  await server.start();
  const botPort = await freePort();
  const bot = startBot({
    CNSCD_LISTEN: `127.0.0.1:${botPort}`,
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_BASE: server.config.apiURL,
    TELEGRAM_MODE: 'polling',
  }, 'polling');
  try {
    await waitHealthy(botPort, bot);
    await conversation(server, 'polling');
  } finally {
    const code = await stopBot(bot);
    await server.stop();
    expect(code === 0, `polling: bot exits 0 on SIGTERM (got ${code})`);
  }
}

async function webhookMode() {
  const port = await freePort();
  const server = new TelegramServer({ host: '127.0.0.1', port, storeTimeout: 120 });
  await server.start();
  const botPort = await freePort();
  const proxyPort = await freePort();
  // Telegram's side of the webhook: forwards with the secret header.
  const proxy = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      try {
        const r = await fetch(`http://127.0.0.1:${botPort}/telegram/webhook`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
          body: Buffer.concat(chunks),
        });
        res.writeHead(r.status === 200 ? 200 : 204).end();
      } catch {
        res.writeHead(204).end();
      }
    });
  });
  await new Promise((r) => proxy.listen(proxyPort, '127.0.0.1', r));
  const bot = startBot({
    CNSCD_LISTEN: `127.0.0.1:${botPort}`,
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_BASE: server.config.apiURL,
    TELEGRAM_MODE: 'webhook',
    TELEGRAM_WEBHOOK_SECRET: SECRET,
  }, 'webhook');
  try {
    await waitHealthy(botPort, bot);
    // The emulator accepts any URL scheme; the bot's set-webhook insists on https.
    const set = await fetch(`${server.config.apiURL}/bot${TOKEN}/setWebhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: `http://127.0.0.1:${proxyPort}/tg/webhook` }),
    });
    expect(set.ok, 'webhook: setWebhook accepted by the emulator');
    // Without the secret the bot refuses: the proxy is what makes it Telegram-like.
    const refused = await fetch(`http://127.0.0.1:${botPort}/telegram/webhook`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"update_id":1}',
    });
    expect(refused.status === 401, `webhook: a request without the secret gets 401 (got ${refused.status})`);
    await conversation(server, 'webhook');
  } finally {
    const code = await stopBot(bot);
    proxy.close();
    await server.stop();
    expect(code === 0, `webhook: bot exits 0 on SIGTERM (got ${code})`);
  }
}

try {
  await pollingMode();
  await webhookMode();
  console.log('e2e: all passed');
  process.exit(0);
} catch (e) {
  console.error(`e2e: FAILED: ${e.message}`);
  process.exit(1);
}
