import { href } from '../router.js';

/** "log #12", linking to that statement on the Log page. */
export function LogLink({ index }: { index: number }) {
  return (
    <a href={href(['log'], { at: String(index) })} class="nowrap" title={`Statement ${index} of the log`}>
      log #{index}
    </a>
  );
}
