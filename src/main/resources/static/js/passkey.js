/*
 * Passkey ceremonies (WebAuthn) for the pages that offer one: "Add a passkey" on Security info (form
 * #passkey-register), and signing in with a passkey on the sign-in page and the two-step page (form
 * #passkey-sign-in). Served as a file because the Content-Security-Policy allows no inline script; only pages
 * with a passkey action load it. Every POST carries the form's CSRF token in Spring Security's header.
 */
(function () {
  "use strict";

  function toBase64Url(buffer) {
    const bytes = new Uint8Array(buffer);
    let text = "";
    for (let i = 0; i < bytes.length; i++) {
      text += String.fromCharCode(bytes[i]);
    }
    return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function fromBase64Url(value) {
    const base64 = value.replace(/-/g, "+").replace(/_/g, "/");
    const padded = base64 + "===".slice((base64.length + 3) % 4);
    const text = atob(padded);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) {
      bytes[i] = text.charCodeAt(i);
    }
    return bytes.buffer;
  }

  function post(form, url, body) {
    const token = form.querySelector('input[name="_csrf"]');
    const headers = { "Content-Type": "application/json", "Accept": "application/json" };
    if (token) {
      headers["X-CSRF-TOKEN"] = token.value;
    }
    return fetch(url, {
      method: "POST",
      headers: headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body)
    });
  }

  function show(form, message) {
    const problem = document.getElementById("passkey-problem");
    if (problem) {
      problem.textContent = message;
      problem.hidden = false;
      problem.setAttribute("tabindex", "-1");
      problem.focus();
    }
  }

  function supported() {
    return window.PublicKeyCredential && navigator.credentials && navigator.credentials.create;
  }

  function descriptors(list) {
    return (list || []).map(function (credential) {
      return Object.assign({}, credential, { id: fromBase64Url(credential.id) });
    });
  }

  async function register(form) {
    const optionsResponse = await post(form, form.dataset.options);
    if (!optionsResponse.ok) {
      throw new Error(form.dataset.failed);
    }
    const options = await optionsResponse.json();
    const publicKey = Object.assign({}, options, {
      challenge: fromBase64Url(options.challenge),
      user: Object.assign({}, options.user, { id: fromBase64Url(options.user.id) }),
      excludeCredentials: descriptors(options.excludeCredentials)
    });
    let created;
    try {
      created = await navigator.credentials.create({ publicKey: publicKey });
    } catch (e) {
      throw new Error(form.dataset.cancelled);
    }
    const response = created.response;
    const credential = {
      id: created.id,
      rawId: toBase64Url(created.rawId),
      response: {
        attestationObject: toBase64Url(response.attestationObject),
        clientDataJSON: toBase64Url(response.clientDataJSON),
        transports: response.getTransports ? response.getTransports() : []
      },
      type: created.type,
      clientExtensionResults: created.getClientExtensionResults(),
      authenticatorAttachment: created.authenticatorAttachment
    };
    const nameField = form.querySelector('input[name="name"]');
    const result = await post(form, form.action, { credential: credential, name: nameField ? nameField.value : "" });
    const answer = await result.json().catch(function () { return {}; });
    if (!result.ok || !answer.redirectUrl) {
      throw new Error(answer.problem || form.dataset.failed);
    }
    window.location.assign(answer.redirectUrl);
  }

  // The server keeps one sign-in prompt per session, so one ceremony runs at a time: the button stops the
  // autofill offer (and waits for it to end) before asking for its own prompt; while an answer is being checked,
  // the button waits for it.
  let current = null;

  async function signIn(form, conditional) {
    if (current) {
      if (current.posting) {
        return;
      }
      current.controller.abort();
      await current.done.catch(function () {});
    }
    const state = { controller: new AbortController(), posting: false };
    state.done = ceremony(form, conditional, state);
    current = state;
    try {
      await state.done;
    } finally {
      if (current === state) {
        current = null;
      }
    }
  }

  async function ceremony(form, conditional, state) {
    const optionsResponse = await post(form, form.dataset.options);
    if (!optionsResponse.ok) {
      throw new Error(form.dataset.failed);
    }
    const options = await optionsResponse.json();
    if (state.controller.signal.aborted) {
      return;
    }
    const publicKey = Object.assign({}, options, {
      challenge: fromBase64Url(options.challenge),
      allowCredentials: descriptors(options.allowCredentials)
    });
    const request = { publicKey: publicKey, signal: state.controller.signal };
    if (conditional) {
      request.mediation = "conditional";
    }
    let assertion;
    try {
      assertion = await navigator.credentials.get(request);
    } catch (e) {
      if (state.controller.signal.aborted) {
        return;
      }
      throw new Error(form.dataset.cancelled);
    }
    state.posting = true;
    const response = assertion.response;
    const body = {
      id: assertion.id,
      rawId: toBase64Url(assertion.rawId),
      response: {
        authenticatorData: toBase64Url(response.authenticatorData),
        clientDataJSON: toBase64Url(response.clientDataJSON),
        signature: toBase64Url(response.signature),
        userHandle: response.userHandle ? toBase64Url(response.userHandle) : undefined
      },
      credType: assertion.type,
      clientExtensionResults: assertion.getClientExtensionResults(),
      authenticatorAttachment: assertion.authenticatorAttachment
    };
    const result = await post(form, form.dataset.login, body);
    const answer = await result.json().catch(function () { return {}; });
    if (!result.ok || !answer.redirectUrl) {
      throw new Error(form.dataset.failed);
    }
    window.location.assign(answer.redirectUrl);
  }

  function start() {
    const registration = document.getElementById("passkey-register");
    if (registration) {
      registration.addEventListener("submit", function (event) {
        event.preventDefault();
        if (!supported()) {
          show(registration, registration.dataset.unsupported);
          return;
        }
        register(registration).catch(function (e) { show(registration, e.message); });
      });
    }
    const signInForm = document.getElementById("passkey-sign-in");
    if (signInForm) {
      signInForm.addEventListener("submit", function (event) {
        event.preventDefault();
        if (!supported()) {
          show(signInForm, signInForm.dataset.unsupported);
          return;
        }
        signIn(signInForm, false).catch(function (e) { show(signInForm, e.message); });
      });
      // The browser's own offer of passkeys in the email field's autofill, where it has one.
      const autofill = document.querySelector('input[autocomplete~="webauthn"]');
      if (autofill && window.PublicKeyCredential && PublicKeyCredential.isConditionalMediationAvailable) {
        PublicKeyCredential.isConditionalMediationAvailable().then(function (available) {
          if (available) {
            // The offer ends quietly: the person may still type a password or use the button.
            signIn(signInForm, true).catch(function () {});
          }
        });
      }
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
