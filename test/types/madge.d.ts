/** The part of madge's API the import-graph test uses (madge ships no types). */
declare module 'madge' {
  interface MadgeResult {
    /** Each file, relative to the base directory, with the files it imports. */
    obj(): Record<string, string[]>;
    circular(): string[][];
  }
  interface MadgeConfig {
    fileExtensions?: string[];
    tsConfig?: string;
  }
  export default function madge(path: string, config?: MadgeConfig): Promise<MadgeResult>;
}
