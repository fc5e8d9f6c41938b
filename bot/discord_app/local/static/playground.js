// The playground page: draws the local Discord's channel and acts as the chosen simulated user.
// It talks to the server through /playground/state, /playground/events (a websocket) and the
// JSON endpoints send, autocomplete and click. Ids are strings (they do not fit a JS number).
"use strict";

window.playgroundErrors = [];   // read by the browser test: any script error fails it
window.addEventListener("error", (ev) => window.playgroundErrors.push(String(ev.message)));
window.addEventListener("unhandledrejection", (ev) => window.playgroundErrors.push(String(ev.reason)));

const $ = (id) => document.getElementById(id);
const state = {
  guild: null, bot: null, online: false, users: [], channels: [], commands: [],
  messages: new Map(), me: null, channel: null,
  pendingClicks: new Map(),    // interaction id -> {messageId, customId}
  pendingCommands: new Map(),  // interaction id -> {text, userId, channelId, failed}
  failedClicks: new Map(),     // message id -> interaction info, for "This interaction failed"
  dismissed: new Set(),
  typingUntil: 0,
};
const popup = { kind: null, items: [], active: -1, seq: 0, timer: null };

// -- building the DOM: elements and text nodes only, never HTML strings ----------------------
// Message content is hostile until drawn: it only ever becomes text nodes, and the only URLs
// the page sets (links, images) are http(s) ones, checked by httpUrl and set through the DOM.
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "style") Object.assign(node.style, v);
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (k === "href" || k === "src" || k === "html") throw new Error(`el(): set ${k} through link() or image()`);
    else node.setAttribute(k, v === true ? "" : v);
  }
  append(node, children, tag !== "option");
  return node;
}
function append(node, children, withEmoji = true) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false || c === "") continue;
    if (c instanceof Node) node.append(c);
    else if (withEmoji) node.append(...emojiText(String(c)));
    else node.append(document.createTextNode(String(c)));
  }
  return node;
}
function httpUrl(raw) {
  // The URL as the browser will use it, or null unless it is an http(s) one.
  try {
    const url = new URL(String(raw));
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch (e) {
    return null;
  }
}
function link(raw, attrs, ...children) {
  const url = httpUrl(raw);
  if (url === null) return null;
  const a = el("a", { target: "_blank", rel: "noopener noreferrer", ...attrs }, ...children);
  a.href = url;
  return a;
}
function image(raw, alt) {
  const url = httpUrl(raw);
  if (url === null) return null;
  const img = el("img", { alt });
  img.src = url;
  return img;
}
const icon = (id) => $(id).content.firstElementChild.cloneNode(true);   // a <template> of index.html

// The emoji the bot uses, drawn from Twemoji images (playground.css) so that they show on a
// system without an emoji font. The text stays in the page (copy, find, screen readers).
const EMOJI = { "📖": "1f4d6", "👍": "1f44d", "👎": "1f44e", "⚠": "26a0", "◀": "25c0", "▶": "25b6" };
const EMOJI_RE = /(📖|👍|👎)\uFE0F?|(⚠|◀|▶)\uFE0F/gu;   // ⚠ ◀ ▶ without U+FE0F are text glyphs
function emojiText(text) {
  const nodes = [];
  let last = 0;
  for (const m of text.matchAll(EMOJI_RE)) {
    if (m.index > last) nodes.push(document.createTextNode(text.slice(last, m.index)));
    const span = document.createElement("span");
    span.className = `emoji e-${EMOJI[m[1] || m[2]]}`;
    span.setAttribute("role", "img");
    span.setAttribute("aria-label", m[0]);
    span.textContent = m[0];
    nodes.push(span);
    last = m.index + m[0].length;
  }
  if (last < text.length) nodes.push(document.createTextNode(text.slice(last)));
  return nodes;
}

const cmpId = (a, b) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0);
const userById = (id) => [state.bot, ...state.users].find((u) => u && u.id === id);
const me = () => userById(state.me) || state.users[0];
function avatar(user, size = "") {
  return el("div", { class: `avatar ${size}`, style: { background: user ? user.colour : "#747f8d" } },
    (user ? user.name : "?").slice(0, 1).toUpperCase());
}
function timeLabel(iso) {
  const d = new Date(iso);
  const hm = d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  return new Date().toDateString() === d.toDateString() ? `Today at ${hm}` : `${d.toLocaleDateString()} ${hm}`;
}
async function post(path, body) {
  const response = await fetch(path, {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
  });
  let data = {};
  try { data = await response.json(); } catch (e) { data = { error: `HTTP ${response.status}` }; }
  if (!response.ok && !data.error) data.error = `HTTP ${response.status}`;
  return data;
}
function showError(text) {
  $("error").textContent = text || "";
  if (text) setTimeout(() => { if ($("error").textContent === text) $("error").textContent = ""; }, 6000);
}

// -- Discord markdown (the subset the bot and its users write), parsed left to right ----------
// Each construct is consumed once and becomes elements and text nodes: what a rule produced is
// never scanned again, so a URL inside a link cannot become markup.
const SPAN = String.raw`((?:\\[\s\S]|[^\\])+?)`;   // the inside of a span: escapes kept whole
const RULES = [
  // A backslash before punctuation shows the character as typed (escape_markdown's "\*" reads "*").
  { re: /\\([^0-9A-Za-z\s])/y, make: (m) => m[1] },
  { re: /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/y, make: (m) => el("code", {}, m[2]) },
  { re: /\[([^\[\]\n]+)\]\(<?([^\s()<>]+)>?\)/y, links: true,
    make: (m, ctx) => link(m[2], {}, parseInline(m[1], { ...ctx, links: false })) },
  { re: /<(https?:\/\/[^\s<>]+)>/y, links: true, make: (m) => link(m[1], {}, m[1]) },
  { re: /https?:\/\/[^\s<>"`*|~]+/y, links: true, word: true, make: autolink },
  { re: /<@!?(\d+)>/y, make: (m) => { const u = userById(m[1]); return el("span", { class: "mention" }, `@${u ? u.name : "unknown-user"}`); } },
  { re: /<#(\d+)>/y, make: (m) => { const c = state.channels.find((ch) => ch.id === m[1]); return el("span", { class: "mention" }, `#${c ? c.name : "unknown"}`); } },
  { re: /<@&(\d+)>/y, make: () => el("span", { class: "mention" }, "@role") },
  { re: /<a?:(\w+):\d+>/y, make: (m) => `:${m[1]}:` },
  { re: /<t:(-?\d{1,13})(?::[tTdDfFR])?>/y, make: (m) => el("code", {}, new Date(Number(m[1]) * 1000).toLocaleString()) },
  { re: new RegExp(String.raw`\|\|${SPAN}\|\|`, "y"), make: (m, ctx) => spoiler(parseInline(m[1], ctx)) },
  { re: new RegExp(String.raw`\*\*${SPAN}\*\*(?!\*)`, "y"), make: (m, ctx) => el("strong", {}, parseInline(m[1], ctx)) },
  { re: new RegExp(String.raw`__${SPAN}__(?!_)`, "y"), make: (m, ctx) => el("u", {}, parseInline(m[1], ctx)) },
  { re: /\*((?:\\[\s\S]|[^\\*\n])+)\*(?![*\w])/y, word: true, make: (m, ctx) => el("em", {}, parseInline(m[1], ctx)) },
  { re: /_((?:\\[\s\S]|[^\\_\n])+)_(?![_\w])/y, word: true, make: (m, ctx) => el("em", {}, parseInline(m[1], ctx)) },
  { re: new RegExp(String.raw`~~${SPAN}~~`, "y"), make: (m, ctx) => el("s", {}, parseInline(m[1], ctx)) },
];
const STARTS = new Set("\\`[<h|*_~");
function autolink(m) {
  // Trailing punctuation ends the sentence, not the URL (a ")" only when it closes nothing).
  let url = m[0];
  for (;;) {
    const last = url.slice(-1);
    if (".,:;!?'".includes(last)) url = url.slice(0, -1);
    else if (last === ")" && (url.match(/\(/g) || []).length < (url.match(/\)/g) || []).length) url = url.slice(0, -1);
    else break;
  }
  const a = link(url, {}, url);
  return a && { node: a, length: url.length };
}
function spoiler(content) {
  const span = el("span", { class: "spoiler", title: "Spoiler: click to show" }, content);
  span.addEventListener("click", () => span.classList.toggle("shown"));
  return span;
}
function parseInline(text, ctx = { links: true }) {
  const frag = document.createDocumentFragment();
  let plain = "";
  const flush = () => { if (plain) { frag.append(...emojiText(plain)); plain = ""; } };
  let i = 0;
  while (i < text.length) {
    let done = false;
    if (STARTS.has(text[i].toLowerCase())) {
      for (const rule of RULES) {
        if (rule.links && !ctx.links) continue;
        if (rule.word && i > 0 && /[\w*]/.test(text[i - 1])) continue;
        rule.re.lastIndex = i;
        const m = rule.re.exec(text);
        if (!m) continue;
        let made = rule.make(m, ctx);
        let length = m[0].length;
        if (made && made.node) { length = made.length; made = made.node; }
        if (made === null || made === undefined) continue;   // e.g. a link that is not http(s): plain text
        if (typeof made === "string") plain += made;
        else { flush(); frag.append(made); }
        i += length;
        done = true;
        break;
      }
    }
    if (!done) { plain += text[i]; i += 1; }
  }
  flush();
  return frag;
}
const inline = (text) => parseInline(String(text ?? ""));

function markdown(text) {
  const frag = document.createDocumentFragment();
  if (!text) return frag;
  const parts = String(text).split(/```(?:[a-z0-9_+-]*\n)?([\s\S]*?)```/i);
  parts.forEach((part, i) => {
    if (i % 2 === 1) { frag.append(el("pre", {}, el("code", {}, part.replace(/\n$/, "")))); return; }
    const lines = part.split("\n");
    let quote = null;
    let rest = false;
    const quoted = (line) => {
      if (quote) quote.append(el("br"));
      else quote = el("blockquote");
      quote.append(inline(line));
    };
    const flush = () => { if (quote) { frag.append(quote); quote = null; } };
    lines.forEach((line, n) => {
      if (rest) { quoted(line); return; }
      if (line.startsWith(">>> ")) { rest = true; quoted(line.slice(4)); return; }
      if (line.startsWith("> ") || line === ">") { quoted(line.slice(2)); return; }
      flush();
      let m;
      if ((m = line.match(/^(#{1,3}) +(\S.*)$/))) { frag.append(el("div", { class: `md-h${m[1].length}` }, inline(m[2]))); return; }
      if ((m = line.match(/^-# +(\S.*)$/))) { frag.append(el("div", { class: "md-sub" }, inline(m[1]))); return; }
      if ((m = line.match(/^\s*[-*] +(.*)$/))) { frag.append(el("div", { class: "md-li" }, inline(m[1]))); return; }
      if ((m = line.match(/^\s*(\d{1,9})\. +(.*)$/))) { frag.append(el("div", { class: "md-li md-ol", "data-n": `${m[1]}.` }, inline(m[2]))); return; }
      frag.append(inline(line));
      if (n < lines.length - 1) frag.append("\n");
    });
    flush();
  });
  return frag;
}

// -- drawing -------------------------------------------------------------------------------
function visible(m) {
  if (m.channel_id !== state.channel || m.deleted) return false;
  if (m.visible_to && m.visible_to !== state.me) return false;
  return !state.dismissed.has(m.id);
}
function renderEmbed(e) {
  const colour = typeof e.color === "number" ? `#${e.color.toString(16).padStart(6, "0")}` : "#1e1f22";
  const embed = el("div", { class: "embed", style: { borderLeftColor: colour } });
  if (e.author && e.author.name) embed.append(el("div", { class: "embed-author" }, e.author.name));
  if (e.title) {
    const title = el("div", { class: "embed-title" }, inline(e.title));
    embed.append((e.url && link(e.url, {}, title)) || title);
  }
  if (e.description) embed.append(el("div", { class: "embed-description" }, markdown(e.description)));
  if (e.fields && e.fields.length) {
    const fields = el("div", { class: "embed-fields" });
    for (const f of e.fields) {
      fields.append(el("div", { class: `embed-field${f.inline ? " inline" : ""}` },
        el("div", { class: "field-name" }, inline(f.name)),
        el("div", { class: "field-value" }, markdown(f.value))));
    }
    embed.append(fields);
  }
  // Images would be fetched from the network: the playground names them instead.
  for (const key of ["image", "thumbnail"]) {
    if (e[key] && e[key].url) embed.append(el("div", { class: "embed-image-link" }, `[${key}: ${e[key].url}]`));
  }
  const footer = [e.footer && e.footer.text, e.timestamp && timeLabel(e.timestamp)].filter(Boolean).join(" • ");
  if (footer) embed.append(el("div", { class: "embed-footer" }, footer));
  return embed;
}
function renderComponents(m) {
  const rows = el("div", { class: "rows" });
  const walk = (components, row) => {
    for (const c of components || []) {
      if (c.type === 1) {
        const r = el("div", { class: "row" });
        walk(c.components, r);
        rows.append(r);
      } else if (c.type === 2) {
        const emoji = c.emoji && c.emoji.name ? el("span", { class: "btn-emoji" }, c.emoji.id ? `:${c.emoji.name}:` : c.emoji.name) : null;
        const label = c.label ? el("span", { class: "label" }, c.label) : null;
        if (c.style === 5) {
          row.append(link(c.url, { class: "btn btn-5" }, emoji, label, " ↗") ||
            el("button", { class: "btn btn-5", type: "button", disabled: true }, emoji, label));
          continue;
        }
        const pending = [...state.pendingClicks.values()].some((p) => p.messageId === m.id && p.customId === c.custom_id);
        row.append(el("button", {
          class: `btn btn-${c.style || 2}${pending ? " pending" : ""}`, type: "button", disabled: !!c.disabled,
          "data-custom-id": c.custom_id, onclick: () => click(m, c.custom_id),
        }, emoji, label));
      } else if (c.type === 3) {
        const select = el("select", { class: "select", disabled: !!c.disabled, onchange: (ev) => click(m, c.custom_id, [ev.target.value]) },
          el("option", { value: "" }, c.placeholder || "Make a selection"),
          (c.options || []).map((o) => el("option", { value: o.value }, o.label)));
        row.append(select);
      } else if (c.type === 10 || c.type === 17) {
        rows.append(el("div", { class: "content" }, markdown(c.content || "")));
        walk(c.components, row);
      }
    }
  };
  walk(m.components, null);
  return rows.childElementCount ? rows : null;
}

function renderMessage(m, previous) {
  const context = m.interaction || m.reference;
  const grouped = previous && !context && previous.author.id === m.author.id && !previous.visible_to && !m.visible_to &&
    new Date(m.timestamp) - new Date(previous.timestamp) < 7 * 60 * 1000;
  const node = el("div", {
    class: `msg${grouped ? "" : " first"}${context ? " has-context" : ""}${m.visible_to ? " ephemeral" : ""}`,
    "data-id": m.id, "data-author": m.author.name,
  });
  if (m.interaction) {
    node.append(el("div", { class: "msg-context" }, avatar(m.interaction.user, "tiny"),
      el("span", { class: "who" }, m.interaction.user.name),
      m.interaction.name ? [" used ", el("span", { class: "cmd" }, `/${m.interaction.name}`)] : " clicked a button"));
  } else if (m.reference) {
    node.append(el("div", { class: "msg-context" }, avatar(m.reference.author, "tiny"),
      el("span", { class: "who" }, `@${m.reference.author.name}`), " ", el("span", {}, inline(m.reference.content))));
  }
  if (!grouped) {
    node.append(avatar(m.author));
    node.append(el("div", { class: "msg-header" },
      el("span", { class: "name", style: m.author.bot ? null : { color: m.author.colour } }, m.author.name),
      m.author.bot ? el("span", { class: "bot-tag" }, "App") : null,
      el("time", { datetime: m.timestamp }, timeLabel(m.timestamp))));
  }
  if (m.loading) {
    node.append(el("div", { class: "content loading" }, `${m.author.name} is thinking`, el("span", { class: "dots" })));
  } else if (m.content) {
    const content = el("div", { class: "content" }, markdown(m.content));
    if (m.edited) content.append(el("span", { class: "edited" }, "(edited)"));
    node.append(content);
  }
  for (const e of m.embeds || []) node.append(renderEmbed(e));
  for (const a of m.attachments || []) {
    const isImage = (a.content_type || "").startsWith("image/");
    node.append(el("div", { class: "attachment" },
      (isImage ? image(a.url, a.filename) : link(a.url, { download: a.filename }, a.filename)) || a.filename));
  }
  const rows = renderComponents(m);
  if (rows) node.append(rows);
  if (m.reactions && m.reactions.length) {
    node.append(el("div", { class: "reactions" }, m.reactions.map((r) => el("span", { class: "reaction" }, `${r.emoji} ${r.count}`))));
  }
  const failed = state.failedClicks.get(m.id);
  if (failed && failed.user_id === state.me) node.append(el("div", { class: "failed" }, "This interaction failed"));
  if (m.visible_to) {
    node.append(el("div", { class: "ephemeral-note" }, icon("eye-icon"), "Only you can see this · ",
      el("a", { onclick: () => { state.dismissed.add(m.id); render(); } }, "Dismiss message")));
  }
  return node;
}

function render() {
  const box = $("messages");
  const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 80;
  const channel = state.channels.find((c) => c.id === state.channel);
  const list = [...state.messages.values()].filter(visible).sort((a, b) => cmpId(a.id, b.id));
  const nodes = [el("div", { class: "welcome" },
    el("div", { class: "big-hash" }, "#"),
    el("h1", {}, `Welcome to #${channel ? channel.name : "general"}!`),
    el("p", {}, "This is a local Discord: the real bot is connected to it. Ask it something with /ask, or mention it."))];
  let previous = null;
  for (const m of list) { nodes.push(renderMessage(m, previous)); previous = m; }
  for (const [id, p] of state.pendingCommands) {
    if (p.userId !== state.me || p.channelId !== state.channel) continue;
    nodes.push(el("div", { class: `pending-command${p.failed ? " failed" : ""}`, "data-interaction": id },
      p.failed ? `${p.text}: the application did not respond.` : `Sending ${p.text} …`));
  }
  box.replaceChildren(...nodes);
  if (atBottom) box.scrollTop = box.scrollHeight;
}

function renderChrome() {
  $("guild-name").textContent = state.guild ? state.guild.name : "Local Discord";
  $("server-icon").title = state.guild ? state.guild.name : "";
  const channel = state.channels.find((c) => c.id === state.channel);
  $("channel-name").textContent = channel ? channel.name : "";
  $("channel-topic").textContent = (channel && channel.topic) || "Try the bot exactly as a channel shows it.";
  $("input").placeholder = `Message #${channel ? channel.name : ""}`;
  $("channel-list").replaceChildren(...state.channels.map((c) => el("li", {
    class: c.id === state.channel ? "active" : "", onclick: () => { openPanel(null); state.channel = c.id; renderChrome(); render(); },
  }, el("span", { class: "hash" }, "#"), c.name)));
  const status = $("bot-status");
  status.textContent = state.online ? `${state.bot.name} is online` : `${state.bot ? state.bot.name : "the bot"} is offline`;
  status.className = `status${state.online ? "" : " offline"}`;
  const botAvatar = avatar(state.bot, "small");
  botAvatar.append(el("span", { class: `dot${state.online ? "" : " off"}` }));
  $("bots-title").textContent = "Apps — 1";
  $("bot-list").replaceChildren(el("li", {}, botAvatar, el("span", {}, state.bot ? state.bot.name : "bot"), el("span", { class: "bot-tag" }, "App")));
  $("members-title").textContent = `Members — ${state.users.length}`;
  $("member-list").replaceChildren(...state.users.map((u) => {
    const a = avatar(u, "small");
    a.append(el("span", { class: "dot" }));
    return el("li", { class: u.id === state.me ? "me-item" : "", title: `Chat as ${u.name}`, onclick: () => chooseUser(u.id) },
      a, el("span", {}, u.name), u.id === state.me ? el("span", { class: "you" }, "(you)") : null);
  }));
  const select = $("user-select");
  select.replaceChildren(...state.users.map((u) => el("option", { value: u.id, selected: u.id === state.me }, u.name)));
  const current = me();
  $("me-avatar").replaceWith(Object.assign(avatar(current, "small"), { id: "me-avatar" }));
  $("me-name").textContent = current ? current.name : "";
}

// -- the side panels at narrow widths (toggles in the channel header, as on Discord's phone app) --
function openPanel(which) {
  for (const name of ["channels", "members"]) {
    const on = name === which;
    document.body.classList.toggle(`show-${name}`, on);
    $(`toggle-${name}`).setAttribute("aria-expanded", String(on));
  }
}
function keepToBottom() {
  // A list read at its newest message stays there when the window (or a panel) resizes it.
  const box = $("messages");
  let stick = true;
  box.addEventListener("scroll", () => { stick = box.scrollHeight - box.scrollTop - box.clientHeight < 80; });
  new ResizeObserver(() => { if (stick) box.scrollTop = box.scrollHeight; }).observe(box);
}
function setupPanels() {
  for (const name of ["channels", "members"]) {
    $(`toggle-${name}`).addEventListener("click", () =>
      openPanel(document.body.classList.contains(`show-${name}`) ? null : name));
  }
  $("scrim").addEventListener("click", () => openPanel(null));
  document.addEventListener("keydown", (ev) => { if (ev.key === "Escape") openPanel(null); });
}

function chooseUser(id) {
  openPanel(null);
  state.me = id;
  const u = me();
  if (u) localStorage.setItem("playground-user", u.username);
  renderChrome();
  render();
  $("input").focus();
}

// -- acting --------------------------------------------------------------------------------
// A reply can reach the websocket before /playground/send (or /click) has returned the
// interaction's id: what happened to an id not yet pending is kept (the newest few hundred) and
// applied when the id arrives, so the pending line settles whichever comes first.
const EARLY_KEPT = 500;
const early = new Map();   // interaction id -> "settled" | "failed"
function remember(id, outcome) {
  if (early.get(id) === "settled") return;   // a reply already came: a later failure is moot
  early.delete(id);
  early.set(id, outcome);
  while (early.size > EARLY_KEPT) early.delete(early.keys().next().value);
}
function arrived(id) {
  const outcome = early.get(id);
  early.delete(id);
  return outcome;
}
async function send(text) {
  const data = await post("/playground/send", { user_id: state.me, channel_id: state.channel, text });
  if (!data.ok) { showError(data.error); return false; }
  const id = data.interaction_id;
  if (id) {
    const outcome = arrived(id);
    if (outcome !== "settled") {
      state.pendingCommands.set(id, { text: text.split(" ")[0], userId: state.me, channelId: state.channel, failed: outcome === "failed" });
    }
    render();
  }
  return true;
}
async function click(m, customId, values) {
  const data = await post("/playground/click", { user_id: state.me, message_id: m.id, custom_id: customId, values });
  if (!data.ok) { showError(data.error); return; }
  const outcome = arrived(data.interaction_id);
  if (outcome === undefined) {
    state.failedClicks.delete(m.id);
    state.pendingClicks.set(data.interaction_id, { messageId: m.id, customId });
  }
  render();
}
function settle(interactionId) {
  const a = state.pendingClicks.delete(interactionId);
  const b = state.pendingCommands.delete(interactionId);
  if (a || b) render();
  else remember(interactionId, "settled");
}
function fail(it) {
  const wasClick = state.pendingClicks.delete(it.id);
  const pending = state.pendingCommands.get(it.id);
  if (pending) pending.failed = true;
  else if (!wasClick) remember(it.id, "failed");
  if (it.message_id) state.failedClicks.set(it.message_id, it);
  render();
}

// -- the composer and its popup (commands, autocomplete) ------------------------------------
function closePopup() {
  popup.kind = null; popup.items = []; popup.active = -1;
  $("popup").hidden = true;
}
function drawPopup(title, items, kind) {
  popup.kind = kind; popup.items = items;
  if (popup.active >= items.length) popup.active = -1;
  const box = $("popup");
  if (!items.length && kind !== "hint") { closePopup(); return; }
  box.replaceChildren(el("div", { class: "popup-title" }, title),
    ...items.map((it, i) => el("div", {
      class: `popup-item${i === popup.active ? " active" : ""}`, "data-value": it.value,
      onmousedown: (ev) => { ev.preventDefault(); pick(i); },
    }, el("span", { class: "name" }, it.label), it.desc ? el("span", { class: "desc" }, it.desc) : null)));
  if (!items.length) box.append(el("div", { class: "popup-empty" }, "No suggestions"));
  box.hidden = false;
}
function pick(i) {
  const it = popup.items[i];
  if (!it) return;
  $("input").value = it.insert;
  closePopup();
  $("input").focus();
  if (popup.kind !== "choices") updatePopup();
}
function updatePopup() {
  const text = $("input").value;
  clearTimeout(popup.timer);
  if (!text.startsWith("/")) { closePopup(); return; }
  const space = text.indexOf(" ");
  if (space < 0) {
    const typed = text.slice(1).toLowerCase();
    const items = state.commands.filter((c) => c.name.startsWith(typed)).map((c) => ({
      label: `/${c.name}`, desc: c.description, value: c.name, insert: `/${c.name} `,
    }));
    drawPopup(items.length ? "Commands" : "No commands match", items, "commands");
    return;
  }
  const name = text.slice(1, space).toLowerCase();
  const cmd = state.commands.find((c) => c.name === name);
  if (!cmd) { closePopup(); return; }
  const option = cmd.options.find((o) => o.autocomplete) || null;
  if (!option) {
    const o = cmd.options[0];
    if (o && text.slice(space + 1) === "") drawPopup(`/${cmd.name}`, [{ label: `${o.name}:`, desc: o.description, value: "", insert: text }], "hint");
    else closePopup();
    return;
  }
  const seq = ++popup.seq;
  popup.timer = setTimeout(async () => {
    const data = await post("/playground/autocomplete", { user_id: state.me, channel_id: state.channel, text });
    if (seq !== popup.seq || $("input").value !== text) return;   // a newer keystroke won
    const prefix = cmd.options.length > 1 ? `/${cmd.name} ${option.name}: ` : `/${cmd.name} `;
    const items = (data.choices || []).map((c) => ({ label: c.name, value: String(c.value), insert: prefix + String(c.value) }));
    drawPopup(data.error ? data.error : `/${cmd.name} ${option.name}`, items, "choices");
  }, 120);
}

function setupComposer() {
  const input = $("input");
  input.addEventListener("input", () => { popup.active = -1; updatePopup(); });
  input.addEventListener("keydown", (ev) => {
    const open = !$("popup").hidden && popup.items.length;
    if (ev.key === "ArrowDown" && open) { ev.preventDefault(); popup.active = (popup.active + 1) % popup.items.length; redrawActive(); }
    else if (ev.key === "ArrowUp" && open) { ev.preventDefault(); popup.active = (popup.active - 1 + popup.items.length) % popup.items.length; redrawActive(); }
    else if (ev.key === "Tab" && open) { ev.preventDefault(); pick(Math.max(popup.active, 0)); }
    else if (ev.key === "Escape") closePopup();
    else if (ev.key === "Enter" && open && popup.active >= 0) { ev.preventDefault(); pick(popup.active); }
    else if (ev.key === "Enter" && open && popup.kind === "commands" && !input.value.includes(" ") && !ready(input.value)) { ev.preventDefault(); pick(0); }
  });
  input.addEventListener("blur", () => setTimeout(closePopup, 150));
  $("composer").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    closePopup();
    popup.seq++;
    if (await send(text)) input.value = "";
    input.focus();
  });
  $("user-select").addEventListener("change", (ev) => chooseUser(ev.target.value));
}
function ready(text) {
  // "/name" of a command that needs no option: Enter sends it rather than completing it.
  const cmd = state.commands.find((c) => `/${c.name}` === text.trim().toLowerCase());
  return !!cmd && !cmd.options.some((o) => o.required);
}
function redrawActive() {
  [...$("popup").querySelectorAll(".popup-item")].forEach((n, i) => n.classList.toggle("active", i === popup.active));
}

// -- the server's events ----------------------------------------------------------------------
function onEvent(ev) {
  switch (ev.kind) {
    case "message":
    case "message_update":
      state.messages.set(ev.message.id, ev.message);
      if (ev.message.interaction) settle(ev.message.interaction.id);
      if (ev.message.author.bot && !ev.message.loading) state.typingUntil = 0;
      render();
      break;
    case "message_delete":
      state.messages.delete(ev.message.id);
      render();
      break;
    case "interaction_response":
      settle(ev.interaction.id);
      break;
    case "interaction_failed":
      fail(ev.interaction);
      break;
    case "typing":
      if (ev.channel_id === state.channel) state.typingUntil = Date.now() + 10000;
      break;
    case "bot_status":
      state.online = ev.online;
      renderChrome();
      break;
    case "commands": case "users": case "channels":
      loadState();
      break;
  }
}
function drawTyping() {
  const typing = $("typing");
  const on = Date.now() < state.typingUntil && state.bot;
  const text = on ? `${state.bot.name} is typing…` : "";
  if (typing.textContent !== text) typing.replaceChildren(...(on ? [el("b", {}, state.bot.name), " is typing…"] : []));
}

async function loadState() {
  const data = await (await fetch("/playground/state")).json();
  Object.assign(state, { guild: data.guild, bot: data.bot, online: data.online, users: data.users, channels: data.channels, commands: data.commands });
  state.messages = new Map(data.messages.map((m) => [m.id, m]));
  for (const m of data.messages) if (m.interaction) settle(m.interaction.id);   // replies missed while away
  if (!state.channel || !state.channels.some((c) => c.id === state.channel)) state.channel = state.channels[0] && state.channels[0].id;
  if (!state.me || !userById(state.me)) {
    const wanted = new URLSearchParams(location.search).get("as") || localStorage.getItem("playground-user");
    const found = state.users.find((u) => u.username === wanted || u.name === wanted);
    state.me = (found || state.users[0]).id;
  }
  renderChrome();
  render();
}
function connect() {
  const ws = new WebSocket(`${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/playground/events`);
  ws.onmessage = (m) => onEvent(JSON.parse(m.data));
  ws.onopen = () => loadState();
  ws.onclose = () => {
    state.online = false;
    if (state.bot) renderChrome();
    $("bot-status").textContent = "the playground server stopped; reconnecting…";
    setTimeout(connect, 1500);
  };
}

setupComposer();
setupPanels();
keepToBottom();
setInterval(drawTyping, 250);
connect();
$("input").focus();
