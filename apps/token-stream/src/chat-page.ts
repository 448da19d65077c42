/**
 * The page at `/`: it opens the token stream with `EventSource`, appends each token to `#answer`, and
 * on `done` closes the source (otherwise the browser would reconnect and ask again) and says so in the title.
 */
export const CHAT_PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Token stream</title>
</head>
<body>
  <h1>Token stream</h1>
  <p>Prompt: <code>hi</code></p>
  <div id="answer"></div>
  <script>
    const answer = document.getElementById('answer');
    const source = new EventSource('/chat/stream?prompt=hi');
    source.addEventListener('token', (event) => {
      answer.textContent += JSON.parse(event.data).token;
    });
    source.addEventListener('done', () => {
      source.close();
      document.title = 'done';
    });
  </script>
</body>
</html>
`;
