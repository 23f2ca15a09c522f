// Setlist's page: sign in with the admin key, pick a person, see their playlist with its reasons.
// Every server value reaches the page through textContent, never as HTML.
"use strict";

const KEY_STORAGE = "setlist.key";
const $ = (id) => document.getElementById(id);

function takeKeyFromFragment() {
  const match = /(?:^#|&)key=([^&]+)/.exec(location.hash);
  if (match) {
    sessionStorage.setItem(KEY_STORAGE, decodeURIComponent(match[1]));
    history.replaceState(null, "", location.pathname + location.search);
  }
}

async function api(path) {
  const response = await fetch(path, {
    headers: { "Authorization": "Bearer " + (sessionStorage.getItem(KEY_STORAGE) || "") },
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(body.error || response.statusText);
    error.status = response.status;
    throw error;
  }
  return body;
}

async function showHealth() {
  try {
    const health = await fetch("/api/health").then((r) => r.json());
    $("status").textContent = `${health.mediaServer} · ${health.catalog} items · ${health.events} events · ${health.status}`;
  } catch (e) {
    $("status").textContent = "Setlist is not answering";
  }
}

function showSignIn(message) {
  $("home").hidden = true;
  $("sign-out").hidden = true;
  $("sign-in").hidden = false;
  $("sign-in-error").textContent = message || "";
}

async function showHome() {
  let people;
  try {
    people = await api("/api/users");
  } catch (e) {
    if (e.status === 401) {
      const hadKey = Boolean(sessionStorage.getItem(KEY_STORAGE));
      sessionStorage.removeItem(KEY_STORAGE);
      showSignIn(hadKey ? "That key is not valid." : "");
      return;
    }
    $("status").textContent = "Could not load people: " + e.message;
    return;
  }
  $("sign-in").hidden = true;
  $("home").hidden = false;
  $("sign-out").hidden = false;
  const list = $("people");
  list.replaceChildren();
  for (const person of people) {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = person.name;
    button.dataset.userId = person.id;
    button.addEventListener("click", () => showPlaylist(person));
    item.append(button);
    list.append(item);
  }
  if (people.length > 0) {
    showPlaylist(people[0]);
  } else {
    $("playlist-meta").textContent = "Nobody has played anything yet.";
  }
}

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

async function showPlaylist(person) {
  for (const button of document.querySelectorAll(".people button")) {
    button.setAttribute("aria-current", String(button.dataset.userId === person.id));
  }
  $("playlist-title").textContent = "For " + person.name;
  $("playlist-meta").textContent = "Loading…";
  let playlist;
  try {
    playlist = await api(`/api/users/${encodeURIComponent(person.id)}/playlist?length=25`);
  } catch (e) {
    $("playlist-meta").textContent = "Could not load the playlist: " + e.message;
    return;
  }
  const mode = playlist.mode.name.replace("_", " ") + (playlist.mode.explicit ? "" : " (inferred)");
  $("playlist-meta").textContent =
    `${playlist.items.length} ${playlist.media} items · ${mode} mode · from ${playlist.basedOn} of their plays`;
  const template = $("card-template");
  const cards = playlist.items.map((entry) => {
    const card = template.content.firstElementChild.cloneNode(true);
    card.dataset.itemId = entry.itemId;
    card.querySelector(".title").textContent = entry.title;
    card.querySelector(".facts").textContent = describe(entry);
    const chips = card.querySelector(".chips");
    for (const reason of entry.reasons) {
      const chip = document.createElement("li");
      chip.textContent = reason.text;
      chip.title = reason.source;
      chips.append(chip);
    }
    if (entry.wildcard) {
      const chip = document.createElement("li");
      chip.textContent = "wildcard";
      chip.className = "wildcard";
      chips.append(chip);
    }
    return card;
  });
  $("playlist").replaceChildren(...cards);
}

$("sign-in-form").addEventListener("submit", (event) => {
  event.preventDefault();
  sessionStorage.setItem(KEY_STORAGE, $("key").value.trim());
  showHome();
});

$("sign-out").addEventListener("click", () => {
  sessionStorage.removeItem(KEY_STORAGE);
  showSignIn("");
});

takeKeyFromFragment();
showHealth();
if (sessionStorage.getItem(KEY_STORAGE)) {
  showHome();
} else {
  showSignIn("");
}
