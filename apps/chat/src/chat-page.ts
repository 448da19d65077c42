/**
 * The page at `/?token=…&room=…`: it opens `WS /chat/{room}` with the token, lists every event in
 * `#log` (`alice: hello`, `bob joined`), and sends what is typed in `#text`. Its title tells a test
 * where it is: `connected`, then `closed <code>` when the socket closes (1006 when the server refused it).
 */
export const CHAT_PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>connecting</title>
</head>
<body>
  <h1>Chat</h1>
  <ul id="log"></ul>
  <form id="compose"><input id="text" autocomplete="off"> <button>Send</button></form>
  <script>
    const params = new URLSearchParams(location.search);
    const room = params.get('room') || 'general';
    const token = params.get('token') || '';
    const log = document.getElementById('log');
    const line = (text) => {
      const item = document.createElement('li');
      item.textContent = text;
      log.append(item);
    };
    const socket = new WebSocket('ws://' + location.host + '/chat/' + encodeURIComponent(room) + '?token=' + encodeURIComponent(token));
    socket.onopen = () => { document.title = 'connected'; };
    socket.onclose = (event) => { document.title = 'closed ' + event.code; };
    socket.onmessage = (event) => {
      const data = JSON.parse(event.data);
      if (data.detail) return line('error: ' + data.detail.map((d) => d.msg).join('; '));
      line(data.type === 'message' ? data.from + ': ' + data.text : data.from + ' ' + data.type);
    };
    document.getElementById('compose').addEventListener('submit', (event) => {
      event.preventDefault();
      const input = document.getElementById('text');
      socket.send(JSON.stringify({ text: input.value }));
      input.value = '';
    });
  </script>
</body>
</html>
`;
