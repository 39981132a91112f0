/* global window, document */
// An opened row of the inspector: first why, in words (the reason, TGA-Mock-Detail, the failing
// fields, what the upstream said), then the raw request and answer, the failing values marked in
// the body view. Loaded before inspector.js, which calls window.tgaInspectorDetail.
'use strict';

(function () {
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function para(className, parts) {
    const p = el('p', className);
    p.append(...parts.map((part) => (typeof part === 'string' ? document.createTextNode(part) : part)));
    return p;
  }

  /** A reason code that may wrap at its underscores (TOKEN_MISSING_OR_MALFORMED on a phone). */
  function codeText(target, text) {
    const pieces = String(text).split('_');
    pieces.forEach((piece, i) => {
      target.append(document.createTextNode(piece + (i < pieces.length - 1 ? '_' : '')));
      if (i < pieces.length - 1) target.append(document.createElement('wbr'));
    });
    return target;
  }

  const escapeKey = (key) => key.replace(/~/g, '~0').replace(/\//g, '~1');

  function markNode(pointer, mark) {
    const node = el('mark', 'violation');
    node.dataset.pointer = pointer;
    node.title = mark.messages.join('; ');
    return node;
  }

  /**
   * Appends `value` as JSON.stringify(value, null, 2) writes it (the text stays JSON), marking the
   * values whose JSON Pointer is in `marks`: a failing field with its name, an object that misses
   * a required field by its opening brace (CSS names what is missing), anything else whole.
   */
  function appendJson(target, value, pointer, marks, indent) {
    const text = (into, t) => into.append(document.createTextNode(t));
    const mark = marks.get(pointer);
    const isObject = value !== null && typeof value === 'object' && !Array.isArray(value);
    const onlyMissing = mark && isObject && mark.missing.length === mark.messages.length;
    let into = target;
    if (mark && !onlyMissing) {
      into = markNode(pointer, mark);
      target.append(into);
    }
    const inner = indent + '  ';
    if (Array.isArray(value)) {
      if (value.length === 0) return text(into, '[]');
      text(into, '[\n');
      value.forEach((item, i) => {
        text(into, inner);
        appendJson(into, item, pointer + '/' + i, marks, inner);
        text(into, i < value.length - 1 ? ',\n' : '\n');
      });
      return text(into, indent + ']');
    }
    if (isObject) {
      if (onlyMissing) {
        const brace = markNode(pointer, mark);
        brace.classList.add('missing');
        brace.dataset.missing = 'missing ' + mark.missing.join(', ');
        into.append(brace);
        text(brace, '{');
      } else text(into, '{');
      const keys = Object.keys(value);
      if (keys.length === 0) return text(into, '}');
      text(into, '\n');
      keys.forEach((key, i) => {
        const child = pointer + '/' + escapeKey(key);
        const childMark = marks.get(child);
        text(into, inner);
        // A failing field is marked with its name: the value alone would not say which field.
        const holder = childMark ? markNode(child, childMark) : into;
        if (childMark) into.append(holder);
        text(holder, JSON.stringify(key) + ': ');
        appendJson(holder, value[key], childMark ? '' : child, childMark ? new Map() : marks, inner);
        text(into, i < keys.length - 1 ? ',\n' : '\n');
      });
      return text(into, indent + '}');
    }
    text(into, JSON.stringify(value));
  }

  function bodyView(row) {
    const pre = el('pre', 'body');
    if (row.body === undefined) {
      pre.textContent = row.body_note || '—';
      return pre;
    }
    const marks = new Map();
    for (const v of row.violations || []) {
      const mark = marks.get(v.mark) || { messages: [], missing: [] };
      mark.messages.push(v.message);
      if (v.missing !== undefined) mark.missing.push(v.missing);
      marks.set(v.mark, mark);
    }
    appendJson(pre, row.body, '', marks, '');
    return pre;
  }

  function whyElement(row) {
    const why = el('div', 'why');
    const reason = codeText(el('strong', 'why-reason'), row.reason);
    why.append(para('why-words', [reason, row.why ? ' — ' + row.why : '']));
    if (row.detail) why.append(para('why-detail', [el('span', 'label', 'TGA-Mock-Detail'), row.detail]));
    if (row.violations && row.violations.length > 0) {
      const list = el('ul', 'violations');
      for (const v of row.violations) {
        const li = el('li');
        li.append(el('code', '', v.instancePath || '(the body)'), document.createTextNode(' ' + v.message));
        list.append(li);
      }
      if (row.violations_truncated)
        list.append(el('li', 'muted', row.violations_truncated + ' more left out of the header'));
      why.append(para('label', ['Failing fields (marked in the body below)']), list);
    }
    if (row.app_name === null) {
      const named =
        row.claimed_app === undefined ? '' : ' (it names ' + JSON.stringify(row.claimed_app) + ')';
      why.append(para('why-app muted', ['No app shown: the request had no verified token' + named + '.']));
    }
    if (row.upstream) {
      const up = para('why-upstream', [
        el('span', 'label', 'Upstream'),
        'answered ' + row.upstream.status + (row.deviation ? '' : ', as documented or observed'),
      ]);
      why.append(up);
    }
    if (row.deviation)
      why.append(para('why-deviation warning', [el('span', 'label', 'Deviation'), row.deviation]));
    if (!row.delivered)
      why.append(para('why-delivery warning', ['The answer never reached the client (it went away first).']));
    return why;
  }

  /** The opened part of a row: why first, then the raw request (headers, body) and answer. */
  function detailElement(row) {
    const detail = el('div', 'detail');
    const request = el('div', 'request');
    const headers = Object.entries(row.headers || {})
      .map(([k, v]) => k + ': ' + v)
      .join('\n');
    request.append(
      el('h3', '', 'Request headers'),
      el('pre', 'headers', headers || '—'),
      el('h3', '', 'Request body'),
      bodyView(row),
    );
    const answer = el('div', 'answer');
    answer.append(el('h3', '', 'Response'), el('pre', 'response', JSON.stringify(row.response, null, 2)));
    if (row.upstream)
      answer.append(
        el('h3', '', "Upstream's answer"),
        el('pre', 'upstream', JSON.stringify(row.upstream, null, 2)),
      );
    detail.append(whyElement(row), request, answer);
    return detail;
  }

  window.tgaInspectorDetail = { detailElement, codeText, el };
})();
