// Shows what /api/v1/capabilities reports; no inline script (the CSP forbids it).
(async () => {
  const status = document.getElementById('status');
  try {
    const response = await fetch('api/v1/capabilities', { headers: { Accept: 'application/json' } });
    const caps = await response.json();
    status.textContent = `Service up: upload modes ${caps.upload_modes.join(', ')}, tenancy ${caps.tenancy}, ` +
      `max ${Math.round(caps.max_size / 1048576)} MiB, types ${caps.allowed_types.join(', ')}`;
    status.className = 'ok';
  } catch (e) {
    status.textContent = 'The service did not answer.';
    status.className = 'bad';
  }
})();
