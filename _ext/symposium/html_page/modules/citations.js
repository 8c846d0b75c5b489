/* "Copy" beside each text of a talk's "Cite this talk" block. Without JavaScript (or a
   clipboard), the <pre> can be selected by hand; this only saves a step. */
import { announce, el, names, say } from "./page.js";

function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  return new Promise(function (resolve, reject) {
    const area = el("textarea", { readonly: "", "aria-hidden": "true", style: "position:fixed;top:-100vh;opacity:0" });
    area.value = text;
    document.body.appendChild(area);
    area.select();
    let done = false;
    try { done = document.execCommand("copy"); } catch (e) { done = false; }
    area.remove();
    if (done) resolve(); else reject(new Error("copy refused"));
  });
}

export function addCopyButtons() {
  document.querySelectorAll("." + names.cite_format).forEach(function (part) {
    const label = part.querySelector("." + names.cite_label);
    const text = part.querySelector("pre." + names.cite_text);
    if (!label || !text || label.querySelector("button")) return;
    const name = label.textContent.trim();
    const button = el("button", { type: "button", "class": "symposium-cite-copy", text: say("copy"),
                                  "aria-label": say("copyThe", { name: name }) });
    button.addEventListener("click", function () {
      copyText(text.textContent).then(function () {
        button.textContent = say("copied");
        announce(say("nameCopied", { name: name }));
        window.setTimeout(function () { button.textContent = say("copy"); }, 2000);
      }).catch(function () {
        // the text selected instead: the visitor copies it as they would any text
        const range = document.createRange();
        range.selectNodeContents(text);
        const selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        announce(say("nameSelected", { name: name }));
      });
    });
    label.appendChild(button);
  });
}
