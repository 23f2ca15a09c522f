// The rule editor: a plain textarea over a highlighted copy of its text, with a line-number gutter.
// The highlighted copy is built from DOM text nodes (never HTML), so a rule that contains markup shows as text.
"use strict";

const DRL_KEYWORDS = new Set([
  "package", "import", "global", "function", "query", "declare", "rule", "when", "then", "end", "salience",
  "no-loop", "lock-on-active", "agenda-group", "activation-group", "dialect", "enabled", "date-effective",
  "date-expires", "not", "exists", "forall", "and", "or", "from", "collect", "accumulate", "eval", "insert",
  "insertLogical", "modify", "update", "retract", "delete", "true", "false", "null", "new", "return", "if",
  "else", "matches", "contains", "memberOf", "in", "extends", "expander", "over", "entry-point", "init",
  "action", "result", "this",
]);

/** Splits one line of DRL into [class, text] tokens; `state.comment` carries a block comment across lines. */
function tokenizeDrl(line, state) {
  const tokens = [];
  let i = 0;
  const push = (kind, text) => { if (text) tokens.push([kind, text]); };
  while (i < line.length) {
    if (state.comment) {
      const close = line.indexOf("*/", i);
      const end = close < 0 ? line.length : close + 2;
      push("comment", line.slice(i, end));
      if (close >= 0) state.comment = false;
      i = end;
      continue;
    }
    const rest = line.slice(i);
    let match;
    if (rest.startsWith("//") || rest.startsWith("#")) {
      push("comment", rest);
      break;
    }
    if (rest.startsWith("/*")) {
      state.comment = true;
      push("comment", "/*");
      i += 2;
      continue;
    }
    if ((match = /^"(?:[^"\\]|\\.)*"?/.exec(rest)) || (match = /^'(?:[^'\\]|\\.)*'?/.exec(rest))) {
      push("string", match[0]);
    } else if ((match = /^\$[A-Za-z_][\w]*/.exec(rest))) {
      push("variable", match[0]);
    } else if ((match = /^\d+(?:\.\d+)?/.exec(rest))) {
      push("number", match[0]);
    } else if ((match = /^[A-Za-z_][\w-]*/.exec(rest))) {
      let word = match[0];
      if (!DRL_KEYWORDS.has(word) && word.includes("-")) {
        word = /^[A-Za-z_]\w*/.exec(word)[0];
      }
      const kind = DRL_KEYWORDS.has(word) ? "keyword" : /^[A-Z]/.test(word) ? "type" : "";
      push(kind, word);
      i += word.length;
      continue;
    } else {
      match = /^[^"'$\w/#]+|^./.exec(rest);
      push("", match[0]);
    }
    i += match[0].length;
  }
  return tokens;
}

class RuleEditor {
  constructor(root) {
    this.root = root;
    this.gutter = root.querySelector(".gutter");
    this.highlight = root.querySelector(".highlight");
    this.source = root.querySelector("textarea");
    this.problems = new Map();
    this.listeners = [];
    this.source.addEventListener("input", () => {
      this.render();
      for (const listener of this.listeners) listener(this.source.value);
    });
    this.source.addEventListener("scroll", () => this.syncScroll());
    this.source.addEventListener("keydown", (event) => {
      if (event.key === "Tab" && !event.shiftKey && !event.ctrlKey && !event.altKey) {
        event.preventDefault();
        const start = this.source.selectionStart;
        this.source.setRangeText("    ", start, this.source.selectionEnd, "end");
        this.source.dispatchEvent(new Event("input"));
      }
    });
    this.render();
  }

  onChange(listener) {
    this.listeners.push(listener);
  }

  get value() {
    return this.source.value;
  }

  set value(text) {
    this.source.value = text;
    this.problems = new Map();
    this.render();
    this.source.scrollTop = 0;
    this.syncScroll();
  }

  set readOnly(flag) {
    this.source.readOnly = flag;
  }

  /** Marks lines with problems: [{line, column, message}]; line 0 (whole file) marks nothing. */
  setProblems(problems) {
    this.problems = new Map();
    for (const problem of problems) {
      if (problem.line > 0) {
        const list = this.problems.get(problem.line) || [];
        list.push(problem);
        this.problems.set(problem.line, list);
      }
    }
    this.render();
  }

  /** Puts the caret at the start of `line` (1-based) and scrolls it into view. */
  goToLine(line, column) {
    const lines = this.source.value.split("\n");
    let offset = 0;
    for (let i = 0; i < Math.min(line - 1, lines.length); i++) offset += lines[i].length + 1;
    offset += Math.max(0, (column || 1) - 1);
    this.source.focus();
    this.source.setSelectionRange(offset, offset);
    const lineHeight = parseFloat(getComputedStyle(this.source).lineHeight) || 20;
    this.source.scrollTop = Math.max(0, (line - 3) * lineHeight);
    this.syncScroll();
  }

  render() {
    const lines = this.source.value.split("\n");
    const numbers = document.createDocumentFragment();
    const code = document.createDocumentFragment();
    const state = { comment: false };
    lines.forEach((text, index) => {
      const number = index + 1;
      const problems = this.problems.get(number);
      const cell = document.createElement("div");
      cell.className = "ln";
      cell.dataset.line = String(number);
      cell.textContent = String(number);
      const row = document.createElement("span");
      row.className = "row";
      row.dataset.line = String(number);
      if (problems) {
        cell.classList.add("has-error");
        cell.title = problems.map((p) => p.message).join("\n");
        row.classList.add("has-error");
      }
      numbers.append(cell);
      for (const [kind, token] of tokenizeDrl(text, state)) {
        if (kind) {
          const span = document.createElement("span");
          span.className = "tok-" + kind;
          span.textContent = token;
          row.append(span);
        } else {
          row.append(document.createTextNode(token));
        }
      }
      row.append(document.createTextNode("\n"));
      code.append(row);
    });
    this.gutter.replaceChildren(numbers);
    this.highlight.replaceChildren(code);
    this.syncScroll();
  }

  syncScroll() {
    this.highlight.scrollTop = this.source.scrollTop;
    this.highlight.scrollLeft = this.source.scrollLeft;
    this.gutter.scrollTop = this.source.scrollTop;
  }
}

window.RuleEditor = RuleEditor;
