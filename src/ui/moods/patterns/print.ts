import { useEffect } from 'preact/hooks';
import type { RefObject } from 'preact';

/**
 * While the page prints (the Print button or the browser's own print), every card of the report
 * is open, so the print holds their numbers and charts; afterwards each is as the user left it.
 */
export function useOpenForPrint(root: RefObject<HTMLElement>): void {
  useEffect(() => {
    let opened: HTMLDetailsElement[] = [];
    const before = () => {
      opened = [...(root.current?.querySelectorAll('details') ?? [])].filter((details) => !details.open);
      for (const details of opened) details.open = true;
    };
    const after = () => {
      for (const details of opened) details.open = false;
      opened = [];
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, [root]);
}
