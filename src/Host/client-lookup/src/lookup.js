// Scanner of the public look-up (/tra-cuu): the receipt's QR code or Code 128 barcode carries the dossier code.
// The page works without this script (the code is typed); the script only adds two ways to fill the field:
// the live camera (needs a secure context) and a photo of the receipt (any phone, also over plain HTTP).
import { Html5Qrcode, Html5QrcodeSupportedFormats } from "html5-qrcode";

const form = document.querySelector("[data-lookup-form]");
if (form) {
  setUp(form);
}

function setUp(form) {
  const input = form.querySelector("[data-lookup-code]");
  const panel = document.querySelector("[data-lookup-scanner]");
  const scanButton = document.querySelector("[data-lookup-scan]");
  const stopButton = document.querySelector("[data-lookup-stop]");
  const photoInput = document.querySelector("[data-lookup-photo]");
  const message = document.querySelector("[data-lookup-scan-message]");
  const region = panel.querySelector("[data-lookup-region]");
  const text = panel.dataset;

  // Only the codes the receipt prints; fewer formats read faster and misread less.
  const scanner = new Html5Qrcode(region.id, {
    verbose: false,
    formatsToSupport: [Html5QrcodeSupportedFormats.QR_CODE, Html5QrcodeSupportedFormats.CODE_128],
    useBarCodeDetectorIfSupported: true,
  });

  const say = (words) => {
    message.textContent = words || "";
  };

  const submit = (decoded) => {
    input.value = decoded.trim();
    say(text.msgFound);
    form.requestSubmit ? form.requestSubmit() : form.submit();
  };

  const stop = async () => {
    if (scanner.isScanning) {
      await scanner.stop();
    }
    panel.hidden = true;
    stopButton.hidden = true;
    scanButton.hidden = false;
  };

  const cameraPossible = window.isSecureContext && navigator.mediaDevices && navigator.mediaDevices.getUserMedia;
  scanButton.hidden = !cameraPossible;
  photoInput.closest("[data-lookup-photo-label]").hidden = false;

  scanButton.addEventListener("click", async () => {
    say(text.msgStarting);
    panel.hidden = false;
    scanButton.hidden = true;
    stopButton.hidden = false;
    try {
      await scanner.start(
        { facingMode: "environment" },
        { fps: 10, qrbox: (w, h) => ({ width: Math.floor(Math.min(w, 320) * 0.9), height: Math.floor(Math.min(h, 320) * 0.9) }) },
        async (decoded) => {
          await stop();
          submit(decoded);
        },
        () => {},
      );
      say(text.msgAim);
    } catch {
      await stop();
      say(text.msgCameraError);
    }
  });

  stopButton.addEventListener("click", async () => {
    await stop();
    say("");
  });

  photoInput.addEventListener("change", async () => {
    const file = photoInput.files && photoInput.files[0];
    if (!file) {
      return;
    }
    await stop();
    say(text.msgReading);
    try {
      submit(await scanner.scanFile(file, false));
    } catch {
      say(text.msgNoCode);
    } finally {
      photoInput.value = "";
    }
  });
}
