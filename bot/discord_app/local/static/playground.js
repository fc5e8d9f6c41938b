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

// -- helpers -------------------------------------------------------------------------------
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "style") node.setAttribute("style", v);
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (k === "html") node.innerHTML = v;
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}
const cmpId = (a, b) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0);
const userById = (id) => [state.bot, ...state.users].find((u) => u && u.id === id);
const me = () => userById(state.me) || state.users[0];
function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}
function avatar(user, size = "") {
  const a = el("div", { class: `avatar ${size}`, style: `background:${user ? user.colour : "#747f8d"}` },
    (user ? user.name : "?").slice(0, 1).toUpperCase());
  return a;
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

// -- Discord markdown (a subset), applied to escaped text ------------------------------------
function inline(text) {
  // Held pieces are final HTML: a backslash-escaped character shows as itself (as in Discord,
  // where escape_markdown's "\*" reads "*"), and code spans are not formatted further.
  const held = [];
  const hold = (html) => { held.push(html); return `\u0000${held.length - 1}\u0000`; };
  let s = String(text).replace(/\\([\\*_~|`>#\-\[\]()<:@.!])/g, (_, c) => hold(escapeHtml(c)));
  s = s.replace(/`([^`\n]+)`/g, (_, c) => hold(`<code>${escapeHtml(c)}</code>`));
  s = escapeHtml(s);
  s = s.replace(/\[([^\]\n]+)\]\((https?:\/\/[^)\s]+)\)/g, '<a href="$2" target="_blank" rel="noopener noreferrer">$1</a>');
  s = s.replace(/(^|[\s(])(https?:\/\/[^\s<]+)/g, '$1<a href="$2" target="_blank" rel="noopener noreferrer">$2</a>');
  s = s.replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>");
  s = s.replace(/__([^_]+)__/g, "<u>$1</u>");
  s = s.replace(/(^|[^*\w])\*([^*\n]+)\*(?![*\w])/g, "$1<em>$2</em>");
  s = s.replace(/(^|[^_\w])_([^_\n]+)_(?![_\w])/g, "$1<em>$2</em>");
  s = s.replace(/~~([^~]+)~~/g, "<s>$1</s>");
  s = s.replace(/\|\|([^|]+)\|\|/g, '<span class="spoiler" onclick="this.classList.toggle(\'shown\')">$1</span>');
  s = s.replace(/&lt;@!?(\d+)&gt;/g, (_, id) => {
    const u = userById(id);
    return `<span class="mention">@${escapeHtml(u ? u.name : "unknown-user")}</span>`;
  });
  s = s.replace(/&lt;#(\d+)&gt;/g, (_, id) => {
    const c = state.channels.find((ch) => ch.id === id);
    return `<span class="mention">#${escapeHtml(c ? c.name : "unknown")}</span>`;
  });
  s = s.replace(/&lt;@&amp;(\d+)&gt;/g, '<span class="mention">@role</span>');
  s = s.replace(/&lt;a?:(\w+):\d+&gt;/g, ":$1:");
  s = s.replace(/&lt;t:(\d+)(?::[tTdDfFR])?&gt;/g, (_, t) => `<code>${new Date(Number(t) * 1000).toLocaleString()}</code>`);
  return s.replace(/\u0000(\d+)\u0000/g, (_, i) => held[Number(i)]);
}
function markdown(text) {
  if (!text) return "";
  const out = [];
  const parts = String(text).split(/```(?:[a-z0-9_+-]*\n)?([\s\S]*?)```/i);
  parts.forEach((part, i) => {
    if (i % 2 === 1) { out.push(`<pre><code>${escapeHtml(part.replace(/\n$/, ""))}</code></pre>`); return; }
    const lines = part.split("\n");
    let quote = [];
    let rest = false;
    const flush = () => { if (quote.length) { out.push(`<blockquote>${quote.join("<br>")}</blockquote>`); quote = []; } };
    lines.forEach((line, n) => {
      if (rest) { quote.push(inline(line)); return; }
      if (line.startsWith(">>> ")) { rest = true; quote.push(inline(line.slice(4))); return; }
      if (line.startsWith("> ") || line === ">") { quote.push(inline(line.slice(2))); return; }
      flush();
      const h = line.match(/^(#{1,3}) (.*)$/);
      if (h) { out.push(`<div class="md-h${h[1].length}">${inline(h[2])}</div>`); return; }
      const li = line.match(/^\s*[-*] (.*)$/);
      if (li) { out.push(`<div class="md-li">${inline(li[1])}</div>`); return; }
      out.push(inline(line) + (n < lines.length - 1 ? "\n" : ""));
    });
    flush();
  });
  return out.join("");
}

// -- drawing -------------------------------------------------------------------------------
function visible(m) {
  if (m.channel_id !== state.channel || m.deleted) return false;
  if (m.visible_to && m.visible_to !== state.me) return false;
  return !state.dismissed.has(m.id);
}
function renderEmbed(e) {
  const colour = typeof e.color === "number" ? `#${e.color.toString(16).padStart(6, "0")}` : "#1e1f22";
  const embed = el("div", { class: "embed", style: `border-left-color:${colour}` });
  if (e.author && e.author.name) embed.append(el("div", { class: "embed-author" }, e.author.name));
  if (e.title) {
    const title = el("div", { class: "embed-title", html: inline(e.title) });
    embed.append(e.url ? el("a", { href: e.url, target: "_blank", rel: "noopener noreferrer" }, title) : title);
  }
  if (e.description) embed.append(el("div", { class: "embed-description", html: markdown(e.description) }));
  if (e.fields && e.fields.length) {
    const fields = el("div", { class: "embed-fields" });
    for (const f of e.fields) {
      fields.append(el("div", { class: `embed-field${f.inline ? " inline" : ""}` },
        el("div", { class: "field-name", html: inline(f.name) }),
        el("div", { class: "field-value", html: markdown(f.value) })));
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
        const emoji = c.emoji && c.emoji.name ? el("span", { class: "emoji" }, c.emoji.id ? `:${c.emoji.name}:` : c.emoji.name) : null;
        const label = c.label ? el("span", { class: "label" }, c.label) : null;
        if (c.style === 5) {
          row.append(el("a", { class: "btn btn-5", href: c.url, target: "_blank", rel: "noopener noreferrer" }, emoji, label, " ↗"));
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
        rows.append(el("div", { class: "content", html: markdown(c.content || "") }));
        walk(c.components, row);
      }
    }
  };
  walk(m.components, null);
  return rows.childElementCount ? rows : null;
}
const EYE = '<svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M12 5C5.6 5 2 12 2 12s3.6 7 10 7 10-7 10-7-3.6-7-10-7zm0 11a4 4 0 1 1 0-8 4 4 0 0 1 0 8z"/></svg>';

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
      el("span", { class: "who" }, `@${m.reference.author.name}`), " ", el("span", { html: inline(m.reference.content) })));
  }
  if (!grouped) {
    node.append(avatar(m.author));
    node.append(el("div", { class: "msg-header" },
      el("span", { class: "name", style: m.author.bot ? null : `color:${m.author.colour}` }, m.author.name),
      m.author.bot ? el("span", { class: "bot-tag" }, "App") : null,
      el("time", { datetime: m.timestamp }, timeLabel(m.timestamp))));
  }
  if (m.loading) {
    node.append(el("div", { class: "content loading" }, `${m.author.name} is thinking`, el("span", { class: "dots" })));
  } else if (m.content) {
    const content = el("div", { class: "content", html: markdown(m.content) });
    if (m.edited) content.append(el("span", { class: "edited" }, "(edited)"));
    node.append(content);
  }
  for (const e of m.embeds || []) node.append(renderEmbed(e));
  for (const a of m.attachments || []) {
    const isImage = (a.content_type || "").startsWith("image/");
    node.append(el("div", { class: "attachment" },
      isImage ? el("img", { src: a.url, alt: a.filename }) : el("a", { href: a.url, download: a.filename }, a.filename)));
  }
  const rows = renderComponents(m);
  if (rows) node.append(rows);
  if (m.reactions && m.reactions.length) {
    node.append(el("div", { class: "reactions" }, m.reactions.map((r) => el("span", { class: "reaction" }, `${r.emoji} ${r.count}`))));
  }
  const failed = state.failedClicks.get(m.id);
  if (failed && failed.user_id === state.me) node.append(el("div", { class: "failed" }, "This interaction failed"));
  if (m.visible_to) {
    node.append(el("div", { class: "ephemeral-note" }, el("span", { html: EYE }), "Only you can see this · ",
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
    class: c.id === state.channel ? "active" : "", onclick: () => { state.channel = c.id; renderChrome(); render(); },
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

function chooseUser(id) {
  state.me = id;
  const u = me();
  if (u) localStorage.setItem("playground-user", u.username);
  renderChrome();
  render();
  $("input").focus();
}

// -- acting --------------------------------------------------------------------------------
async function send(text) {
  const data = await post("/playground/send", { user_id: state.me, channel_id: state.channel, text });
  if (!data.ok) { showError(data.error); return false; }
  if (data.interaction_id) {
    state.pendingCommands.set(data.interaction_id, { text: text.split(" ")[0], userId: state.me, channelId: state.channel });
    render();
  }
  return true;
}
async function click(m, customId, values) {
  const data = await post("/playground/click", { user_id: state.me, message_id: m.id, custom_id: customId, values });
  if (!data.ok) { showError(data.error); return; }
  state.failedClicks.delete(m.id);
  state.pendingClicks.set(data.interaction_id, { messageId: m.id, customId });
  render();
}
function settle(interactionId) {
  const a = state.pendingClicks.delete(interactionId);
  const b = state.pendingCommands.delete(interactionId);
  if (a || b) render();
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
    case "interaction_failed": {
      const it = ev.interaction;
      state.pendingClicks.delete(it.id);
      const pending = state.pendingCommands.get(it.id);
      if (pending) pending.failed = true;
      if (it.message_id) state.failedClicks.set(it.message_id, it);
      render();
      break;
    }
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
setInterval(drawTyping, 250);
connect();
$("input").focus();
