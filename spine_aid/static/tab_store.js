// The tab store's browser half (ui/tab_store.py holds the server half and says why).
// Served by the aid's own Streamlit server as a component asset,
// /_stcore/bidi-components/spine-aid.tab_store/tab_store.js (declared in pyproject.toml), so the
// browser fetches it once per page load and each run's message carries only that name.
// It loads nothing from any other host.

const STORAGE_KEY = "spine-aid:record";
const CLEARED_KEY = "spine-aid:cleared-elsewhere";
const CHANNEL = "spine-aid";

function storage() {
  try { const s = window.sessionStorage; s.getItem(STORAGE_KEY); return s; } catch (e) { return null; }
}

function listenOnce() {
  if (window.__spineAidListening) return;
  window.__spineAidListening = true;
  try {
    const channel = new BroadcastChannel(CHANNEL);
    window.__spineAidChannel = channel;
    channel.onmessage = (event) => {
      if (event.data !== "cleared") return;
      window.__spineAidClearedHere = true;  // no write from this page may put the copy back (issue 21)
      const s = storage();
      if (s) { s.removeItem(STORAGE_KEY); s.setItem(CLEARED_KEY, "1"); }
      window.location.replace("/");
    };
  } catch (e) { /* no BroadcastChannel: this tab cannot be told */ }
  // When the link to the server comes back after it was lost, the server may be a new one (a
  // restart, another replica) that knows nothing of this tab: the screen would show answers the
  // server no longer has. So the page is loaded again; it finds the tab's copy and says so.
  let lost = false;
  const watch = () => {
    const app = document.querySelector("[data-testid='stApp']");
    const state = app && app.getAttribute("data-test-connection-state");
    if (!state) return;
    if (state !== "CONNECTED") lost = true;
    else if (lost) { lost = false; window.location.reload(); }
  };
  new MutationObserver(watch).observe(document.body, {
    subtree: true, attributes: true, attributeFilter: ["data-test-connection-state"],
  });
  holdClicksUntilTypingIsIn();
}

// A page link or a download clicked at once after an input changed would lose the value: the
// click starts the next page (or a new run) before the run that takes the value has finished,
// and Streamlit sends a page change without the old page's inputs. So such a click is held, the
// server is asked to run once more and say so ("synced", echoed in the record it writes back at
// the end of that run), and then the click is made again. The echo is exact: that run started
// after the server had every value sent before it. Watching the page's "running" flag is not:
// a fast run can come and go between two repaints, and is never seen.
const LINKS = "a[data-testid='stPageLink-NavLink'], a[data-testid='stSidebarNavLink']";  // "Next" links, the page list
const SAVE = "button[data-aid-save]";  // "Save my answers (file)", made here (saveButton below)
const HELD = LINKS + ", [data-testid='stDownloadButton'] button, " + SAVE;
const MAX_HOLD_MS = 20000;  // a last resort: the click is made even if the server never answers
const H = window.__spineAidHold || (window.__spineAidHold = {
  touched: false,    // an input was used since the last run's end seen here
  unsure: false,     // ...while something else was still on its way: one run's end is not enough
  dirty: false,      // typed into a box, not yet sent
  navAt: 0,          // a held-kind click went through at this time; its run has not ended yet
  writeAt: 0,        // the last run's end seen here
  synced: 0,         // the highest "synced" the server has echoed
  asked: 0,          // the last "synced" asked for
  serial: 0,         // counts uses of inputs
  run: null,         // the last run whose end was seen
  holding: null,     // the click being held, if any
  trigger: null,     // the component's setTriggerValue
});
function scriptState() {
  const app = document.querySelector("[data-testid='stApp']");
  return app ? app.getAttribute("data-test-script-state") : null;
}
function ranEnd(data) {
  // Called with each run's record: a run has ended, and it echoes the last "synced" it saw.
  if (data.run === H.run) return;  // the same run's record drawn again
  H.run = data.run;
  H.writeAt = Date.now();
  if (typeof data.synced === "number" && data.synced > H.synced) H.synced = data.synced;
  if (H.unsure) H.unsure = false; else H.touched = false;
}
function holdClicksUntilTypingIsIn() {
  const isBox = (el) => el && (el.tagName === "TEXTAREA" ||
    (el.tagName === "INPUT" && !["checkbox", "radio", "range", "file", "button"].includes(el.type)));
  const outside = (e) => !(e.target instanceof Element) || !e.target.closest(HELD);
  // Any use of any input counts, whatever kind it is (Streamlit's widgets change between
  // versions: a tick box or a slider may send its value with no native "change" event).
  const touch = () => {
    if (H.touched || scriptState() === "running" || H.navAt > H.writeAt) H.unsure = true;
    H.touched = true;
    H.serial += 1;
  };
  document.addEventListener("input", (e) => { if (isBox(e.target)) H.dirty = true; else touch(); }, true);
  document.addEventListener("focusout", (e) => { if (isBox(e.target) && H.dirty) { H.dirty = false; touch(); } }, true);
  for (const type of ["change", "pointerup", "click"]) {
    document.addEventListener(type, (e) => { if (outside(e)) touch(); }, true);
  }
  const quiet = ["Tab", "Shift", "Control", "Alt", "Meta", "CapsLock", "Escape"];
  document.addEventListener("keydown", (e) => {
    if (!outside(e) || quiet.includes(e.key)) return;
    if (isBox(e.target) && e.key !== "Enter") return;  // typing: sent on Enter or when the box is left
    if (isBox(e.target)) H.dirty = false;
    touch();
  }, true);

  const askSync = () => {
    H.asked = Math.max(Date.now(), H.asked + 1);
    try { H.trigger && H.trigger("synced", H.asked); } catch (err) { /* the click goes at the cap */ }
    return H.asked;
  };
  document.addEventListener("click", (e) => {
    const target = e.target instanceof Element ? e.target.closest(HELD) : null;
    if (!target || target.__spineAidPass) return;
    if (H.holding) { e.preventDefault(); e.stopImmediatePropagation(); H.holding.target = target; return; }
    if (!H.touched && scriptState() !== "running") { H.navAt = Date.now(); return; }
    e.preventDefault();
    e.stopImmediatePropagation();
    const hold = { target, started: Date.now(), serial: H.serial, want: H.touched ? askSync() : 0, askedAt: Date.now() };
    H.holding = hold;
    const again = () => {
      const waited = Date.now() - hold.started;
      if (waited < MAX_HOLD_MS) {
        if (hold.want && H.synced < hold.want) {
          // Asked again now and then: a busy server can drop a trigger that arrives while an
          // earlier run is being stopped.
          if (Date.now() - hold.askedAt > 4000) { hold.want = askSync(); hold.askedAt = Date.now(); }
          setTimeout(again, 20);
          return;
        }
        if (hold.want && H.serial !== hold.serial) {
          // An input was used again while the click was held: one more round.
          hold.serial = H.serial; hold.want = askSync(); hold.askedAt = Date.now();
          setTimeout(again, 20);
          return;
        }
        if (scriptState() === "running") { setTimeout(again, 20); return; }
      }
      H.holding = null;
      H.touched = false;
      H.unsure = false;
      // The run may have drawn the link or button again: find the same one by its text and address.
      const target = hold.target;
      let now = target;
      if (!now.isConnected) {
        now = [...document.querySelectorAll(HELD)].find((el) =>
          el.textContent === target.textContent && el.getAttribute("href") === target.getAttribute("href")) ||
          (target.getAttribute("href") !== null &&
           [...document.querySelectorAll(LINKS)].find((el) => el.getAttribute("href") === target.getAttribute("href"))) || null;
      }
      if (!now) return;
      H.navAt = Date.now();
      now.__spineAidPass = true;
      try { now.click(); } finally { now.__spineAidPass = false; }
    };
    setTimeout(again, 20);
  }, true);
}
// "Save my answers (file)" (issue 21). The file is made here, in the browser, from the record the
// server sent with this run: no copy of it is ever put on the server at an address. (Streamlit's
// download button registers its bytes at /media/<hash of the bytes>, which anyone who can guess the
// bytes can compute, and keeps them there minutes after the tab is gone.) The file exists only
// as a blob: address of this page, released a minute after the click; nothing is sent anywhere.
// The latest run's file is kept in this page's memory only (never in storage), so a click held
// above, until a typed value has reached the server, saves the record that holds it.
function saveButton(parent, data) {
  window.__spineAidSave = { file: String(data.file), name: String(data.name) };
  let button = parent.querySelector(SAVE);
  if (!button) {
    button = document.createElement("button");
    button.type = "button";
    button.setAttribute("data-aid-save", "");
    button.addEventListener("click", () => {
      const save = window.__spineAidSave;
      if (!save) return;
      const url = URL.createObjectURL(new Blob([save.file], { type: "application/json" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = save.name;
      link.style.display = "none";
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
    });
    parent.appendChild(button);
  }
  button.textContent = String(data.label);  // text, never markup
  button.title = String(data.help);
}

// The page's language (issue 26). Our own words arrive in the reader's language; Streamlit's few
// words of its own (the file uploader's hint, a help icon's name, "Skip to main content", an icon's
// spoken name) are English only. With each write the server sends the page's language and, for a
// language other than English, those words as [Streamlit's English, the translation] pairs, where
// "{name}" stands for the part Streamlit fills in. Text is set as text, never markup; an English
// page gets back every original, so switching back leaves no translated word behind.
const PL = window.__spineAidPageLanguage || (window.__spineAidPageLanguage = { key: "", rules: [], seen: new Map() });
const PL_ATTRS = ["aria-label", "title", "placeholder"];
const PL_SLOT = /\{[a-z_]+\}/g;
// Only Streamlit's own parts have their text nodes read: a patient's typed words stay as typed.
const PL_TEXT = "[data-testid='stFileUploader'], [data-testid='stSkipToContent']";

function plRules(pairs) {
  const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return pairs.map(([en, to]) => [new RegExp("^(\\s*)" + String(en).split(PL_SLOT).map(esc).join("(.+?)") + "(\\s*)$"),
                                   String(to).split(PL_SLOT)]);
}

function plSay(text) {
  for (const [re, parts] of PL.rules) {
    const m = re.exec(text);
    if (!m) continue;
    let out = m[1] + parts[0];
    for (let i = 1; i < parts.length; i++) out += (m[i + 1] === undefined ? "" : m[i + 1]) + parts[i];
    return out + m[m.length - 1];
  }
  return null;
}

function plSet(node, attr, value) {  // remember the original once, then set the translation
  let was = PL.seen.get(node);
  if (!was) {
    // Streamlit replaces its elements as pages change: forget the ones gone, so a long visit keeps few
    if (PL.seen.size > 300) for (const n of [...PL.seen.keys()]) if (!n.isConnected) PL.seen.delete(n);
    was = {};
    PL.seen.set(node, was);
  }
  if (attr === null) { if (!("text" in was)) was.text = node.nodeValue; node.nodeValue = value; }
  else { if (!(attr in was)) was[attr] = node.getAttribute(attr); node.setAttribute(attr, value); }
}

function plVisit(root) {
  if (!PL.rules.length || !root || root.nodeType !== 1) return;
  for (const el of [root, ...root.querySelectorAll("[aria-label],[title],[placeholder]")]) {
    for (const attr of PL_ATTRS) {
      const v = el.getAttribute && el.getAttribute(attr);
      const said = v ? plSay(v) : null;
      if (said !== null && said !== v) plSet(el, attr, said);
    }
  }
  const parts = root.matches && root.matches(PL_TEXT) ? [root] : [...root.querySelectorAll(PL_TEXT)];
  if (root.closest && root.closest(PL_TEXT)) parts.push(root);
  for (const part of parts) {
    const walk = document.createTreeWalker(part, NodeFilter.SHOW_TEXT);
    for (let t = walk.nextNode(); t; t = walk.nextNode()) {
      const said = plSay(t.nodeValue);
      if (said !== null && said !== t.nodeValue) plSet(t, null, said);
    }
  }
}

function pageLanguage(text) {
  let page = null;
  try { page = JSON.parse(String(text)); } catch (e) { return; }
  if (!page || typeof page.lang !== "string") return;
  document.documentElement.lang = page.lang;  // a screen reader reads the page with this language's sounds
  const pairs = Array.isArray(page.words) ? page.words : [];
  const key = page.lang + JSON.stringify(pairs);
  if (key === PL.key) return;
  PL.key = key;
  for (const [node, was] of PL.seen) {  // back to Streamlit's own words first
    if (!node.isConnected) continue;
    for (const [attr, v] of Object.entries(was)) {
      if (attr === "text") node.nodeValue = v; else if (v === null) node.removeAttribute(attr); else node.setAttribute(attr, v);
    }
  }
  PL.seen = new Map();
  PL.rules = plRules(pairs);
  if (!PL.observer) {
    PL.observer = new MutationObserver((changes) => {
      for (const c of changes) {
        if (c.type === "attributes") plVisit(c.target);
        else if (c.type === "characterData") plVisit(c.target.parentElement);
        else for (const n of c.addedNodes) plVisit(n.nodeType === 1 ? n : n.parentElement);
      }
    });
    PL.observer.observe(document.body, { subtree: true, childList: true, characterData: true,
                                         attributes: true, attributeFilter: PL_ATTRS });
  }
  plVisit(document.body);
}

export default function (component) {
  const { data, setTriggerValue, parentElement } = component;
  if (data && data.op === "save") { listenOnce(); saveButton(parentElement, data); return; }
  H.trigger = setTriggerValue;
  listenOnce();
  if (!data) return;
  const s = storage();
  if (data.op === "read") {
    if (window.__spineAidLastRead === data.nonce) return;
    window.__spineAidLastRead = data.nonce;
    window.__spineAidAwaiting = data.nonce;
    let kept = null, cleared = false;
    if (s) {
      kept = s.getItem(STORAGE_KEY);
      cleared = s.getItem(CLEARED_KEY) === "1";
      s.removeItem(CLEARED_KEY);
    }
    // Sent again until the server shows it has the record (its next message is a write): a busy
    // server can drop a trigger that arrives while an earlier run is being stopped.
    let attempt = 0;
    const send = () => {
      if (window.__spineAidAwaiting !== data.nonce || attempt > 20) return;
      attempt += 1;
      setTriggerValue("kept", { kept: kept, cleared_elsewhere: cleared, available: s !== null, attempt: attempt });
      setTimeout(send, 1500);
    };
    send();
    return;
  }
  window.__spineAidAwaiting = null;
  if (data.op === "write" || data.op === "clear") ranEnd(data);
  if (data.op === "write") pageLanguage(data.page);
  if (data.op === "write" && s && !window.__spineAidClearedHere) {
    if (data.kept === null) s.removeItem(STORAGE_KEY); else s.setItem(STORAGE_KEY, data.kept);
  } else if (data.op === "clear") {
    if (s) s.removeItem(STORAGE_KEY);
    if (window.__spineAidLastClear !== data.nonce) {
      window.__spineAidLastClear = data.nonce;
      try { window.__spineAidChannel && window.__spineAidChannel.postMessage("cleared"); } catch (e) {}
    }
  }
}
