// The browser-mode window.api: the same shape the Electron preload exposes (DeskApi), spoken
// over the loopback server. Served as /web-api.js before the renderer's own script. The launch
// URL carries a one-time code as ?code=…: it leaves the address bar at once and is traded
// (POST /launch) for the HttpOnly session cookie that authenticates every later request.
// Nothing is kept in page storage; a reload keeps working through the cookie.

export const webApiScript = `(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var code = params.get('code');
  var ready = Promise.resolve(null);
  if (code) {
    params.delete('code');
    var rest = params.toString();
    history.replaceState(null, '', location.pathname + (rest ? '?' + rest : '') + location.hash);
    ready = fetch('./launch', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: code }),
    })
      .then(function (response) { return response.ok ? null : response.json(); })
      .catch(function () { return null; });
  }
  var offline = { ok: false, error: { code: 'INTERNAL', message: '无法连接本机服务，请确认工作台程序仍在运行' } };

  function invoke(channel, input) {
    return ready
      .then(function (refused) {
        // A refused code: every call says why (the screen shows it), none is sent.
        if (refused) return refused;
        return fetch('./api/' + encodeURIComponent(channel), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(input === undefined ? {} : input),
        }).then(function (response) { return response.json(); });
      })
      .catch(function () { return offline; });
  }

  var listeners = {};
  var streaming = false;
  function dispatchEvent(name, data) {
    var set = listeners[name];
    if (!set) return;
    set.forEach(function (listener) { try { listener(data); } catch (e) { console.error(e); } });
  }
  function parseBlock(block) {
    var name = 'message', data = '';
    block.split('\\n').forEach(function (line) {
      if (line.indexOf('event: ') === 0) name = line.slice(7);
      else if (line.indexOf('data: ') === 0) data += line.slice(6);
    });
    if (data) dispatchEvent(name, JSON.parse(data));
  }
  function stream() {
    if (streaming) return;
    streaming = true;
    ready
      .then(function () { return fetch('./api/events'); })
      .then(function (response) {
        if (!response.ok) throw new Error('refused');
        var reader = response.body.getReader();
        var decoder = new TextDecoder();
        var buffer = '';
        function pump() {
          return reader.read().then(function (chunk) {
            if (chunk.done) throw new Error('closed');
            buffer += decoder.decode(chunk.value, { stream: true });
            var end;
            while ((end = buffer.indexOf('\\n\\n')) >= 0) {
              parseBlock(buffer.slice(0, end));
              buffer = buffer.slice(end + 2);
            }
            return pump();
          });
        }
        return pump();
      })
      .catch(function () {
        streaming = false;
        setTimeout(stream, 2000);
      });
  }

  function on(name, listener) {
    (listeners[name] = listeners[name] || new Set()).add(listener);
    stream();
    return function () { listeners[name].delete(listener); };
  }

  Object.defineProperty(window, 'api', { value: Object.freeze({ invoke: invoke, on: on }), writable: false });
})();
`;
