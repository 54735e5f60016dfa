// The reference page's own script, inlined by scripts/docs/page.ts. It keeps the old links
// working, wires the version menu, picks the server "Test Request" sends to, and starts Scalar
// from the files beside the page (never from another host).
(() => {
  const data = JSON.parse(document.getElementById("docs-data").textContent);

  // Links of the Redoc pages before (#/errors, #/albums/getalbum, #/local-mock) still land:
  // Scalar's hashes are #tag/errors and #tag/albums/getalbum; the local mock has moved to the
  // Differences page.
  const old = /^#\/([a-z0-9-]+)(?:\/([a-z0-9]+))?$/.exec(location.hash);
  if (old) {
    if (old[1] === "local-mock") location.replace(`${data.differences}#local-mock`);
    else history.replaceState(null, "", `#tag/${old[1]}${old[2] ? `/${old[2]}` : ""}`);
  }

  // The version menu: a choice opens that version's page.
  const menu = document.getElementById("docs-version");
  menu.addEventListener("change", () => {
    location.href = menu.value;
  });

  const loopback = ["127.0.0.1", "localhost", "[::1]"];
  const mock = document.querySelector('meta[name="docs-mock"]').content;
  const servers = data.document.servers ?? [];
  const mockServer = { url: mock, description: "The local mock (npm start)." };
  const others = servers.filter((server) => !loopback.includes(new URL(server.url).hostname));

  /** Whether the mock answers (any answer will do), within a moment: a closed port refuses at once. */
  async function mockAnswers() {
    try {
      await fetch(`${mock}/`, { signal: AbortSignal.timeout(1500), cache: "no-store" });
      return true;
    } catch {
      return false;
    }
  }

  async function start() {
    // Served from this machine (npm run docs:serve): the mock first. From a file: the mock first
    // when it runs. From any other host: production first, and the mock listed after it.
    const mockFirst = loopback.includes(location.hostname) || (location.protocol === "file:" && (await mockAnswers()));
    document.documentElement.dataset.docsServer = mockFirst ? "mock" : "production";
    const config = {
      content: data.document,
      servers: mockFirst ? [mockServer, ...others] : [...others, mockServer],
      // Both credentials, typed once for the page, sent with every request; kept in memory only.
      authentication: { preferredSecurityScheme: [["apiKey", "loginWithAmazon"]] },
      persistAuth: false,
      // The description's own samples (curl, TypeScript, Python) instead of generated ones.
      hiddenClients: true,
      documentDownloadType: "none",
      // Its "Open API Client" opens Scalar's site with this page's address: "Test Request" is the console here.
      hideClientButton: true,
      withDefaultFonts: false,
      telemetry: false,
      showDeveloperTools: "never",
      mcp: { disabled: true },
      agent: { disabled: true },
      // An operation's link is its tag and operationId, as before: #tag/albums/getalbum.
      generateOperationSlug: (operation) => (operation.operationId ?? `${operation.method}-${operation.path}`).toLowerCase(),
      onLoaded: () => {
        document.documentElement.dataset.docsReady = "true";
      },
    };
    // Module scripts cannot load from a file (Chromium refuses them without an origin): a
    // file gets the one-file build; a server the split one, which loads about a third less.
    let createApiReference;
    if (location.protocol === "file:") {
      await new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = `${data.assets}standalone.js`;
        script.onload = resolve;
        script.onerror = () => reject(new Error(`Could not load ${script.src}`));
        document.head.append(script);
      });
      createApiReference = window.Scalar.createApiReference;
    } else {
      ({ createApiReference } = await import(new URL(`${data.assets}standalone.esm.js`, location.href).href));
    }
    createApiReference("#app", config);
  }
  start();
})();
