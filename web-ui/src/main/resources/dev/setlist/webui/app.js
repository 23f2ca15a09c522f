// Setlist's web page: sign in with the admin key or a personal token, then For you, Onboarding, Rules,
// Insights and Settings. Every server value reaches the page through textContent or DOM properties, never
// as HTML. The views a role may not use are not shown; the API refuses them anyway.
"use strict";

const KEY_STORAGE = "setlist.key";
const $ = (id) => document.getElementById(id);
const el = (tag, className, text) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
};

const state = {
  caller: null, // {role, userId}
  people: [],
  person: null, // {id, name}
  view: null,
  playlist: null,
  saved: { exploration: null, diversity: null },
  previewing: false,
  rules: { files: [], open: null, published: new Map(), drafts: new Map(), deleted: new Set() },
};

// ---- the API ----------------------------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, message, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

async function api(path, options = {}) {
  const headers = { "Authorization": "Bearer " + (sessionStorage.getItem(KEY_STORAGE) || "") };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(path, {
    method: options.method || "GET",
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  if (response.status === 204) return null;
  const body = await response.json().catch(() => ({}));
  if (!response.ok && !(options.accept || []).includes(response.status)) {
    throw new ApiError(response.status, body.error || response.statusText, body);
  }
  return body;
}

const personPath = (suffix) => `/api/users/${encodeURIComponent(state.person.id)}/${suffix}`;

let toastTimer;
function toast(text, kind) {
  const node = $("toast");
  node.textContent = text;
  node.className = "toast" + (kind ? " " + kind : "");
  node.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { node.hidden = true; }, 5000);
}

function busy(button, promise) {
  button.disabled = true;
  return promise.finally(() => { button.disabled = false; });
}

// ---- signing in ---------------------------------------------------------------------------------------

function takeKeyFromFragment() {
  const match = /(?:^#|&)key=([^&]+)/.exec(location.hash);
  if (match) {
    sessionStorage.setItem(KEY_STORAGE, decodeURIComponent(match[1]));
    history.replaceState(null, "", location.pathname + location.search + "#/for-you");
  }
}

async function showHealth() {
  try {
    const health = await fetch("/api/health").then((r) => r.json());
    $("status").textContent = `${health.mediaServer} · ${health.catalog} items · ${health.status}`;
  } catch (e) {
    $("status").textContent = "Setlist is not answering";
  }
}

function showSignIn(message) {
  state.caller = null;
  for (const view of document.querySelectorAll(".view")) view.hidden = true;
  $("views").hidden = true;
  $("person-pick").hidden = true;
  $("sign-out").hidden = true;
  $("sign-in").hidden = false;
  $("sign-in-error").textContent = message || "";
  $("key").focus();
}

async function signIn() {
  try {
    state.caller = await api("/api/me");
  } catch (e) {
    if (e.status === 401) {
      const hadKey = Boolean(sessionStorage.getItem(KEY_STORAGE));
      sessionStorage.removeItem(KEY_STORAGE);
      showSignIn(hadKey ? "That key is not valid." : "");
      return;
    }
    $("status").textContent = "Could not sign in: " + e.message;
    return;
  }
  document.body.dataset.role = state.caller.role;
  for (const link of document.querySelectorAll("#views [data-role]")) {
    link.hidden = link.dataset.role !== state.caller.role;
  }
  state.people = await api("/api/users");
  const select = $("person");
  select.replaceChildren(...state.people.map((person) => {
    const option = el("option", null, person.name);
    option.value = person.id;
    return option;
  }));
  state.person = state.people[0] || null;
  $("person-pick").hidden = state.caller.role !== "admin" || state.people.length === 0;
  $("sign-in").hidden = true;
  $("views").hidden = false;
  $("sign-out").hidden = false;
  route();
}

// ---- views --------------------------------------------------------------------------------------------

const VIEWS = {
  "for-you": () => loadPlaylist(true),
  "onboarding": () => startQuiz(),
  "rules": () => loadRules(),
  "insights": () => loadInsights(),
  "settings": () => loadSettings(),
};

function route() {
  if (!state.caller) return;
  let view = (/^#\/([\w-]+)/.exec(location.hash) || [])[1] || "for-you";
  const link = document.querySelector(`#views [data-view="${view}"]`);
  if (!VIEWS[view] || !link || link.hidden) view = "for-you";
  state.view = view;
  for (const section of document.querySelectorAll(".view")) section.hidden = section.id !== "view-" + view;
  for (const each of document.querySelectorAll("#views a")) {
    if (each.dataset.view === view) each.setAttribute("aria-current", "page");
    else each.removeAttribute("aria-current");
  }
  if (!state.person && view !== "rules" && view !== "settings") {
    $("playlist-meta").textContent = "Nobody has played anything yet.";
    return;
  }
  VIEWS[view]().catch((e) => toast(e.message, "error"));
}

// ---- For you ------------------------------------------------------------------------------------------

function describe(entry) {
  const facts = [];
  if (entry.kind === "episode" && entry.seriesName) facts.push(entry.seriesName);
  if (entry.kind === "track" && entry.artist) facts.push(entry.artist);
  if (entry.year) facts.push(String(entry.year));
  if (entry.runtimeMinutes) facts.push(entry.runtimeMinutes + " min");
  if (entry.genres && entry.genres.length) facts.push(entry.genres.join(", "));
  if (entry.parentalRating) facts.push(entry.parentalRating);
  return facts.join(" · ");
}

const KIND_LABELS = { movie: "film", episode: "TV", track: "music" };

function card(entry, options = {}) {
  const node = $("card-template").content.firstElementChild.cloneNode(true);
  node.dataset.itemId = entry.itemId;
  if (entry.parentalRating) node.dataset.rating = entry.parentalRating;
  node.querySelector(".initial").textContent = (entry.title || "?").trim().charAt(0).toUpperCase();
  node.querySelector(".kind").textContent = KIND_LABELS[entry.kind] || "";
  node.querySelector(".poster").style.setProperty("--hue", String(hue(entry.itemId)));
  node.querySelector(".title").textContent = entry.title;
  node.querySelector(".facts").textContent = describe(entry);
  const chips = node.querySelector(".chips");
  for (const reason of entry.reasons || []) {
    const chip = el("li", null, reason.text);
    chip.title = reason.source;
    chips.append(chip);
  }
  if (entry.wildcard) chips.append(el("li", "wildcard", "wildcard"));
  const thumbs = node.querySelector(".thumbs");
  if (options.thumbs === false) {
    thumbs.remove();
  } else {
    node.querySelector(".up").addEventListener("click", (event) => feedback(entry, "liked", node, event.currentTarget));
    node.querySelector(".down").addEventListener("click", (event) => feedback(entry, "disliked", node, event.currentTarget));
  }
  return node;
}

function hue(text) {
  let h = 0;
  for (const c of text || "") h = (h * 31 + c.charCodeAt(0)) % 360;
  return h;
}

function playlistQuery() {
  const params = new URLSearchParams({ length: "20" });
  if (state.previewing) {
    params.set("exploration", $("exploration").value);
    params.set("diversity", $("diversity").value);
  }
  return params.toString();
}

async function loadPlaylist(withControls) {
  const person = state.person;
  $("playlist-title").textContent = "For " + person.name;
  $("playlist-meta").textContent = "Loading…";
  if (withControls) {
    const [mode, tuning] = await Promise.all([api(personPath("mode")), api(personPath("tuning"))]);
    state.saved = { exploration: tuning.explorationRate, diversity: tuning.diversity };
    state.previewing = false;
    setSliders(state.saved.exploration, state.saved.diversity);
    markMode(mode.chosen ? mode.mode : "auto");
    $("surprise-slot").replaceChildren();
  }
  let playlist;
  try {
    playlist = await api(personPath("playlist?" + playlistQuery()));
  } catch (e) {
    if (person === state.person) {
      $("playlist-meta").textContent = "Could not load the playlist: " + e.message;
      $("playlist").replaceChildren();
    }
    return;
  }
  if (person !== state.person) return;
  state.playlist = playlist;
  const mode = playlist.mode.name.replace("_", " ") + (playlist.mode.explicit ? "" : " (inferred)");
  $("playlist-meta").textContent = `${playlist.items.length} ${playlist.media} items · ${mode} mode · ` +
    `exploration ${Math.round(playlist.tuning.exploration * 100)}% · diversity ${Math.round(playlist.tuning.diversity * 100)}% · ` +
    `rules ${playlist.rules.version}`;
  $("playlist").dataset.rules = playlist.rules.version;
  $("playlist").dataset.generatedAt = playlist.generatedAt;
  $("playlist").replaceChildren(...playlist.items.map((entry) => card(entry)));
  $("preview-note").hidden = !state.previewing;
}

function setSliders(exploration, diversity) {
  $("exploration").value = String(exploration);
  $("diversity").value = String(diversity);
  showSliderValues();
}

function showSliderValues() {
  $("exploration-value").textContent = Math.round($("exploration").value * 100) + "%";
  $("diversity-value").textContent = Math.round($("diversity").value * 100) + "%";
}

function markMode(mode) {
  for (const button of document.querySelectorAll("#modes button")) {
    button.setAttribute("aria-checked", String(button.dataset.mode === mode));
  }
}

let previewTimer;
function previewSoon() {
  showSliderValues();
  state.previewing = true;
  clearTimeout(previewTimer);
  previewTimer = setTimeout(() => loadPlaylist(false).catch((e) => toast(e.message, "error")), 250);
}

async function chooseMode(mode) {
  if (mode === "auto") {
    await api(personPath("mode"), { method: "DELETE" });
  } else {
    await api(personPath("mode"), { method: "PUT", body: { mode, minutes: 240 } });
  }
  markMode(mode);
  await loadPlaylist(false);
  toast(mode === "auto" ? "Modes are inferred again." : `${mode.replace("_", " ")} mode for the next 4 hours.`);
}

async function keepTuning() {
  const exploration = Number($("exploration").value);
  const diversity = Number($("diversity").value);
  await api(personPath("tuning"), {
    method: "PUT",
    body: { explorationMin: exploration, explorationMax: exploration, diversity },
  });
  state.previewing = false;
  await loadPlaylist(true);
  toast("Saved: exploration " + Math.round(exploration * 100) + "%, diversity " + Math.round(diversity * 100) + "%.");
}

async function feedback(entry, kind, node, button) {
  button.disabled = true;
  try {
    await api(personPath("feedback"), { method: "POST", body: { itemId: entry.itemId, feedback: kind } });
    node.classList.add(kind);
    toast(kind === "liked" ? `Noted: more like ${entry.title}.` : `Noted: less like ${entry.title}.`);
    if (kind === "disliked") await loadPlaylist(false);
  } finally {
    button.disabled = false;
  }
}

async function surprise() {
  const entry = await api(personPath("surprise"));
  const slot = $("surprise-slot");
  if (!entry) {
    slot.replaceChildren(el("p", "meta", "Nothing left to surprise you with in this mode."));
    return;
  }
  const wrapper = el("div", "surprise card");
  wrapper.append(el("h3", null, "Surprise"));
  const list = el("ol", "cards");
  list.append(card(entry, { thumbs: false }));
  const take = el("button", "small", "Take it");
  const decline = el("button", "small quiet", "Not for me");
  take.type = decline.type = "button";
  const answer = async (kind) => {
    await api(personPath("feedback"), { method: "POST", body: { itemId: entry.itemId, feedback: kind } });
    slot.replaceChildren();
    toast(kind === "wildcard_taken" ? "Enjoy." : "Fewer surprises like that.");
  };
  take.addEventListener("click", () => answer("wildcard_taken").catch((e) => toast(e.message, "error")));
  decline.addEventListener("click", () => answer("wildcard_declined").catch((e) => toast(e.message, "error")));
  wrapper.append(list, take, decline);
  slot.replaceChildren(wrapper);
}

async function sendToJellyfin() {
  if (!state.playlist || !state.playlist.items.length) {
    toast("There is nothing to send.", "error");
    return;
  }
  const answer = await api(personPath("send"), {
    method: "POST",
    body: { itemIds: state.playlist.items.map((entry) => entry.itemId), name: "For you" },
    accept: [202],
  });
  if (answer.written) toast(`Sent: "${answer.name}" with ${answer.items} items.`, "ok");
  else toast("Queued; the media server did not take it yet: " + answer.error, "error");
}

// ---- Onboarding ---------------------------------------------------------------------------------------

async function startQuiz() {
  $("quiz-done").hidden = true;
  $("quiz-pair").hidden = false;
  await nextPair();
}

function quizProgress(answered, needed) {
  const shown = Math.min(answered, needed);
  $("quiz-progress").textContent = `${shown} of ${needed} choices`;
  $("quiz-bar").style.width = Math.round((shown / needed) * 100) + "%";
}

async function nextPair() {
  const pair = await api(personPath("onboarding/pair"));
  if (!pair) {
    await finishQuiz();
    return;
  }
  quizProgress(pair.answered, pair.needed);
  if (pair.answered >= pair.needed) {
    await finishQuiz();
    return;
  }
  const option = (item, other) => {
    const button = el("button", "choice");
    button.type = "button";
    button.dataset.itemId = item.id;
    const poster = el("span", "poster");
    poster.style.setProperty("--hue", String(hue(item.id)));
    poster.append(el("span", "initial", (item.title || "?").trim().charAt(0).toUpperCase()));
    button.append(poster, el("strong", "title", item.title));
    const facts = [item.year, item.runtimeSeconds ? Math.round(item.runtimeSeconds / 60) + " min" : null,
      (item.genres || []).join(", ")].filter(Boolean).join(" · ");
    button.append(el("span", "facts", facts));
    button.addEventListener("click", () => answerPair(item.id, other.id).catch((e) => toast(e.message, "error")));
    return button;
  };
  $("quiz-pair").replaceChildren(option(pair.first, pair.second), el("span", "or", "or"), option(pair.second, pair.first));
}

async function answerPair(chosen, other) {
  for (const button of document.querySelectorAll("#quiz-pair button")) button.disabled = true;
  const answer = await api(personPath("onboarding/pair"), { method: "POST", body: { chosen, other } });
  quizProgress(answer.answered, answer.needed);
  if (answer.answered >= answer.needed) await finishQuiz();
  else await nextPair();
}

async function finishQuiz() {
  $("quiz-pair").replaceChildren();
  $("quiz-pair").hidden = true;
  const playlist = await api(personPath("playlist?length=10"));
  $("quiz-playlist").replaceChildren(...playlist.items.map((entry) => card(entry, { thumbs: false })));
  $("quiz-done").hidden = false;
  $("quiz-meta").textContent = "Done: your playlists are personal from now on.";
}

// ---- Rules --------------------------------------------------------------------------------------------

let editor;

async function loadRules() {
  const overview = await api("/api/rules");
  state.rules.files = overview.files;
  $("rules-meta").textContent = `serving ${overview.status.version} since ${new Date(overview.status.servingSince).toLocaleString()}` +
    (overview.status.lastProblems.length ? ` · last attempt refused (${overview.status.lastProblems.length} problems)` : "");
  $("rules-meta").dataset.version = overview.status.version;
  renderFileList();
  await loadHistory();
  if (!state.rules.open && overview.files.length) await openFile(overview.files.find((f) => f.curator)?.path || overview.files[0].path);
}

function renderFileList() {
  const paths = new Set(state.rules.files.map((f) => f.path));
  for (const path of state.rules.drafts.keys()) paths.add(path);
  const items = [...paths].sort().map((path) => {
    const file = state.rules.files.find((f) => f.path === path);
    const item = el("li");
    const button = el("button", "file", path);
    button.type = "button";
    button.dataset.path = path;
    if (state.rules.open === path) button.setAttribute("aria-current", "true");
    const tags = [];
    if (!file) tags.push("new");
    else if (file.curator && file.shipped) tags.push("replaces pack");
    else if (file.curator) tags.push("curator");
    else tags.push("pack");
    if (state.rules.drafts.has(path)) tags.push("draft");
    if (state.rules.deleted.has(path)) tags.push("deleted");
    button.append(el("span", "tag", tags.join(" · ")));
    button.addEventListener("click", () => openFile(path).catch((e) => toast(e.message, "error")));
    item.append(button);
    return item;
  });
  $("rule-files").replaceChildren(...items);
}

async function openFile(path) {
  if (!state.rules.published.has(path)) {
    const known = state.rules.files.some((f) => f.path === path);
    const text = known ? (await api("/api/rules/files/" + path.split("/").map(encodeURIComponent).join("/"))).text : "";
    state.rules.published.set(path, text);
  }
  state.rules.open = path;
  editor.value = state.rules.drafts.has(path) ? state.rules.drafts.get(path) : state.rules.published.get(path);
  $("editor-path").textContent = path;
  showDraftState();
  renderFileList();
}

function showDraftState() {
  const path = state.rules.open;
  const dirty = state.rules.drafts.has(path);
  $("editor-state").textContent = state.rules.deleted.has(path) ? "marked for deletion" : dirty ? "draft (not published)" : "published";
}

function draftBody(message) {
  const files = [...state.rules.drafts.entries()].map(([path, text]) => ({ path, text }));
  const body = { files, deleted: [...state.rules.deleted] };
  if (message) body.message = message;
  return body;
}

function output(...nodes) {
  $("rule-output").replaceChildren(...nodes);
}

function problemList(problems) {
  const list = el("ul", "problems");
  for (const problem of problems) {
    const item = el("li", "problem");
    item.dataset.line = String(problem.line);
    item.dataset.file = problem.file;
    const where = problem.line > 0 ? `${problem.file}:${problem.line}:${problem.column}` : problem.file || "rules";
    item.append(el("code", "where", where), document.createTextNode(" " + problem.message));
    if (problem.line > 0) {
      item.tabIndex = 0;
      item.addEventListener("click", () => jumpTo(problem));
      item.addEventListener("keydown", (event) => { if (event.key === "Enter") jumpTo(problem); });
    }
    list.append(item);
  }
  return list;
}

async function jumpTo(problem) {
  const path = problem.file.replace(/^defaults\//, "");
  if (path !== state.rules.open && (state.rules.drafts.has(path) || state.rules.files.some((f) => f.path === path))) {
    await openFile(path);
  }
  editor.goToLine(problem.line, problem.column);
}

function markProblems(problems) {
  const open = state.rules.open;
  editor.setProblems(problems.filter((p) => p.file === open || p.file === "defaults/" + open));
}

async function validate() {
  const result = await api("/api/rules/check", { method: "POST", body: draftBody() });
  markProblems(result.problems);
  if (result.ok) {
    output(el("p", "ok", `Valid: ${result.rules} rules build (${result.millis} ms). Nothing is live until you publish.`));
  } else {
    output(el("p", "error", `${result.problems.length} problem${result.problems.length === 1 ? "" : "s"}; nothing went live.`),
      problemList(result.problems));
  }
}

async function runTests() {
  output(el("p", "meta", "Running the scenario files…"));
  const report = await api("/api/rules/test", { method: "POST", body: draftBody() });
  markProblems(report.problems);
  const nodes = [el("p", report.passed ? "ok" : "error", report.summary)];
  if (report.problems.length) nodes.push(problemList(report.problems));
  for (const error of report.fileErrors) nodes.push(el("p", "error", error));
  const list = el("ul", "scenarios");
  for (const result of report.results) {
    const item = el("li", result.passed ? "pass" : "fail");
    item.append(el("span", "verdict", result.passed ? "PASS" : "FAIL"), el("span", "name", result.name), el("code", "file", result.file));
    if (!result.passed) {
      const checks = el("ul", "checks");
      for (const check of result.checks.filter((c) => !c.passed)) checks.append(el("li", null, `${check.expectation}: ${check.detail}`));
      item.append(checks);
    }
    list.append(item);
  }
  nodes.push(list);
  output(...nodes);
}

async function showDiff() {
  const answer = await api("/api/rules/diff", { method: "POST", body: draftBody() });
  if (!answer.files.length) {
    output(el("p", "meta", "No draft: the editor shows what is published."));
    return;
  }
  const nodes = [];
  for (const file of answer.files) {
    nodes.push(el("h4", null, `${file.path} (${file.status})`));
    const pre = el("pre", "diff");
    for (const line of file.lines) {
      const sign = line.kind === "ADDED" ? "+" : line.kind === "REMOVED" ? "-" : " ";
      const row = el("span", "diff-" + line.kind.toLowerCase(), `${sign} ${line.text}\n`);
      pre.append(row);
    }
    nodes.push(pre);
  }
  output(...nodes);
}

async function publish() {
  if (!state.rules.drafts.size && !state.rules.deleted.size) {
    output(el("p", "meta", "Nothing to publish: there is no draft."));
    return;
  }
  const answer = await api("/api/rules/publish", {
    method: "POST", body: draftBody($("publish-message").value.trim()), accept: [422],
  });
  if (answer.problems) {
    markProblems(answer.problems);
    output(el("p", "error", answer.error), problemList(answer.problems));
    return;
  }
  state.rules.drafts.clear();
  state.rules.deleted.clear();
  state.rules.published.clear();
  $("publish-message").value = "";
  await reloadRules();
  output(el("p", "ok", `Published ${answer.version ? answer.version.label : "(no change)"}: live now.`));
}

/** After a publish or rollback: everything published is read again, and the open file stays open. */
async function reloadRules() {
  const open = state.rules.open;
  state.rules.open = null;
  await loadRules();
  if (open && state.rules.files.some((f) => f.path === open)) await openFile(open);
}

async function loadHistory() {
  const versions = await api("/api/rules/history");
  const items = versions.map((version) => {
    const item = el("li", version.serving ? "serving" : null);
    item.dataset.version = String(version.number);
    item.append(el("strong", null, version.label), el("span", "meta", ` ${new Date(version.time).toLocaleString()} · ${version.author}`));
    item.append(el("p", "message", version.message));
    if (version.serving) {
      item.append(el("span", "tag", "serving"));
    } else {
      const button = el("button", "small rollback", "Roll back to " + version.label);
      button.type = "button";
      button.addEventListener("click", () => busy(button, rollback(version.number)).catch((e) => toast(e.message, "error")));
      item.append(button);
    }
    return item;
  });
  if (!items.length) items.push(el("li", "meta", "Nothing published yet: the shipped packs serve."));
  $("rule-history").replaceChildren(...items);
}

async function rollback(number) {
  const answer = await api(`/api/rules/history/${number}/rollback`, { method: "POST", accept: [422] });
  if (answer.problems) {
    output(el("p", "error", answer.error), problemList(answer.problems));
    return;
  }
  state.rules.published.clear();
  state.rules.drafts.clear();
  state.rules.deleted.clear();
  await reloadRules();
  output(el("p", "ok", `Rolled back: ${answer.version.label} (the files of v${number}) is live.`));
}

function newFile(path) {
  if (state.rules.files.some((f) => f.path === path) || state.rules.drafts.has(path)) {
    openFile(path).catch((e) => toast(e.message, "error"));
    return;
  }
  state.rules.published.set(path, "");
  state.rules.drafts.set(path, "package dev.setlist.rules.model\n\n");
  openFile(path).catch((e) => toast(e.message, "error"));
}

function deleteOpenFile() {
  const path = state.rules.open;
  const file = state.rules.files.find((f) => f.path === path);
  if (!path) return;
  if (!file) {
    state.rules.drafts.delete(path);
    state.rules.open = null;
    renderFileList();
    editor.value = "";
    $("editor-path").textContent = "No file open";
    return;
  }
  if (!file.curator) {
    toast("A shipped pack cannot be deleted; replace it by editing it.", "error");
    return;
  }
  state.rules.drafts.delete(path);
  state.rules.deleted.add(path);
  showDraftState();
  renderFileList();
}

// ---- Insights -----------------------------------------------------------------------------------------

async function loadInsights() {
  const days = $("insight-days").value;
  const get = (kind) => api(personPath(`insights/${kind}?days=${days}`));
  const [genres, exploration, diversity, signals] = await Promise.all(
    [get("genres"), get("exploration"), get("diversity"), get("signals")]);
  SetlistCharts.drawGenres($("chart-genres"), genres);
  SetlistCharts.drawExploration($("chart-exploration"), exploration, $("exploration-now"));
  SetlistCharts.drawDiversity($("chart-diversity"), diversity);
  SetlistCharts.drawSignals($("chart-signals"), signals, $("signals-summary"));
  const rows = signals.signals.slice(-25).reverse().map((signal) => {
    const row = el("tr", signal.discounts.length ? "discounted" : null);
    row.append(el("td", null, new Date(signal.at).toLocaleString()), el("td", "title", signal.title),
      el("td", null, signal.kind), el("td", null, signal.weight.toFixed(2)),
      el("td", null, signal.discounts.map((d) => `${d.discount || d.kind || d.name}: ${d.reason || ""}`).join("; ") || signal.note || ""));
    return row;
  });
  $("signal-rows").replaceChildren(...rows);
}

// ---- Settings -----------------------------------------------------------------------------------------

function facts(target, entries) {
  const nodes = [];
  for (const [term, value] of entries) {
    if (value === null || value === undefined || value === "") continue;
    nodes.push(el("dt", null, term), el("dd", null, value));
  }
  $(target).replaceChildren(...nodes);
}

async function loadSettings() {
  const settings = await api("/api/settings");
  $("settings-meta").textContent = `Setlist ${settings.version} · rules ${settings.rules}`;
  const server = settings.mediaServer;
  const stateText = { demo: "demo library (no Jellyfin)", connected: "connected", waiting: "connecting…", failing: "failing" }[server.state];
  facts("server-facts", [["Kind", server.kind], ["State", stateText], ["Server", server.description], ["Address", server.url],
    ["Problems", server.problems.join("; ")]]);
  $("server-facts").dataset.state = server.state;
  const sync = settings.sync;
  const progress = sync.progress
    ? `${sync.progress.phase}${sync.progress.total ? ` ${sync.progress.done}/${sync.progress.total}` : ""} (started ${new Date(sync.progress.started).toLocaleTimeString()})`
    : sync.events ? "idle" : null;
  facts("sync-facts", sync.events ? [["Events from", sync.events], ["Every", duration(sync.interval)],
    ["Last sync", sync.lastSync ? new Date(sync.lastSync).toLocaleString() : "not yet"], ["Now", progress]]
    : [["Sync", "none: the demo library is generated on this machine"]]);
  $("webhook-url").textContent = settings.webhook.url;
  $("webhook-header").textContent = settings.webhook.header;
  $("webhook-secret").dataset.secret = settings.webhook.secret;
  showSecret(false);
  $("webhook-template").textContent = settings.template;
  const health = settings.health;
  facts("health-facts", [["Status", health.status], ["Database", `${health.database.status} (${health.database.description})`],
    ["Catalog", `${health.catalog} items`], ["People", String(health.users)], ["Events", String(health.events)],
    ["Problems", health.problems.join("; ")]]);
}

/** "PT1H30M" (an ISO-8601 duration, as the API sends it) as "1 h 30 min". */
function duration(iso) {
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(String(iso));
  if (!match) return String(iso);
  const parts = [];
  if (match[1]) parts.push(match[1] + " h");
  if (match[2]) parts.push(match[2] + " min");
  if (match[3]) parts.push(match[3] + " s");
  return parts.join(" ") || "0 s";
}

function showSecret(visible) {
  const node = $("webhook-secret");
  node.dataset.hidden = String(!visible);
  node.textContent = visible ? node.dataset.secret : "•".repeat(Math.min(24, (node.dataset.secret || "").length));
  $("reveal-secret").textContent = visible ? "Hide" : "Show";
}

async function copy(id) {
  const node = $(id);
  const text = node.dataset.secret !== undefined ? node.dataset.secret : node.textContent;
  try {
    await navigator.clipboard.writeText(text);
  } catch (e) {
    const area = el("textarea");
    area.value = text;
    document.body.append(area);
    area.select();
    document.execCommand("copy");
    area.remove();
  }
  toast("Copied.");
}

// ---- wiring -------------------------------------------------------------------------------------------

function wire() {
  editor = new RuleEditor($("editor"));
  editor.onChange((text) => {
    const path = state.rules.open;
    if (!path) return;
    if (text === state.rules.published.get(path)) state.rules.drafts.delete(path);
    else state.rules.drafts.set(path, text);
    state.rules.deleted.delete(path);
    showDraftState();
  });

  $("sign-in-form").addEventListener("submit", (event) => {
    event.preventDefault();
    sessionStorage.setItem(KEY_STORAGE, $("key").value.trim());
    $("key").value = "";
    signIn();
  });
  $("sign-out").addEventListener("click", () => {
    sessionStorage.removeItem(KEY_STORAGE);
    state.rules = { files: [], open: null, published: new Map(), drafts: new Map(), deleted: new Set() };
    showSignIn("");
  });
  $("person").addEventListener("change", () => {
    state.person = state.people.find((p) => p.id === $("person").value) || state.person;
    route();
  });
  window.addEventListener("hashchange", route);
  for (const link of document.querySelectorAll("#views a")) {
    // The view shown now, chosen again: load it afresh (the hash does not change, so no hashchange).
    link.addEventListener("click", () => { if (location.hash === link.getAttribute("href")) route(); });
  }

  for (const button of document.querySelectorAll("#modes button")) {
    button.addEventListener("click", () => busy(button, chooseMode(button.dataset.mode)).catch((e) => toast(e.message, "error")));
  }
  $("exploration").addEventListener("input", previewSoon);
  $("diversity").addEventListener("input", previewSoon);
  $("keep-tuning").addEventListener("click", (e) => busy(e.currentTarget, keepTuning()).catch((x) => toast(x.message, "error")));
  $("reset-tuning").addEventListener("click", () => {
    state.previewing = false;
    setSliders(state.saved.exploration, state.saved.diversity);
    loadPlaylist(false).catch((e) => toast(e.message, "error"));
  });
  $("surprise").addEventListener("click", (e) => busy(e.currentTarget, surprise()).catch((x) => toast(x.message, "error")));
  $("send").addEventListener("click", (e) => busy(e.currentTarget, sendToJellyfin()).catch((x) => toast(x.message, "error")));

  const action = (id, fn) => $(id).addEventListener("click", (e) => busy(e.currentTarget, fn()).catch((x) => toast(x.message, "error")));
  action("validate", validate);
  action("run-tests", runTests);
  action("show-diff", showDiff);
  action("publish", publish);
  $("discard").addEventListener("click", () => {
    const path = state.rules.open;
    state.rules.drafts.delete(path);
    state.rules.deleted.delete(path);
    if (path) openFile(path).catch((e) => toast(e.message, "error"));
  });
  $("delete-file").addEventListener("click", deleteOpenFile);
  $("new-file-form").addEventListener("submit", (event) => {
    event.preventDefault();
    newFile($("new-file").value.trim());
    $("new-file").value = "";
  });

  $("insight-days").addEventListener("change", () => loadInsights().catch((e) => toast(e.message, "error")));
  $("reveal-secret").addEventListener("click", () => showSecret($("webhook-secret").dataset.hidden === "true"));
  for (const button of document.querySelectorAll("[data-copy]")) {
    button.addEventListener("click", () => copy(button.dataset.copy));
  }
}

wire();
takeKeyFromFragment();
showHealth();
if (sessionStorage.getItem(KEY_STORAGE)) {
  signIn();
} else {
  showSignIn("");
}
