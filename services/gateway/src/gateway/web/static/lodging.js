// Lodging pages: the "Cetak" button of the room list prints the page.
document.querySelectorAll("[data-print]").forEach((b) => b.addEventListener("click", () => window.print()));
