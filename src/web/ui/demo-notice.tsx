/** Shown on every page when the API says the mechanism is the demo; the server's label is shown as it is worded. */
export function DemoNotice({ label }: { label?: string | undefined }) {
  const text = label?.trim() || 'An illustration built from public reporting. Members, signatures and records are invented; they are not real records.';
  return (
    <div class="demo-notice" role="note" aria-label="Demonstration notice" data-testid="demo-notice">
      <div class="demo-notice-inner">
        <strong>Demo</strong>
        <span>{text}</span>
      </div>
    </div>
  );
}
