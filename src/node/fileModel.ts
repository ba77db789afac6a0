import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { io } from '@tensorflow/tfjs-core';

/** A tfjs IO handler reading model.json and its shards from disk (pure tfjs has no file:// loader). */
export function fileModel(modelJsonPath: string): io.IOHandler {
  return {
    async load() {
      const json = JSON.parse(readFileSync(modelJsonPath, 'utf8')) as {
        modelTopology: object;
        format?: string;
        signature?: object;
        userDefinedMetadata?: Record<string, object>;
        weightsManifest: { paths: string[]; weights: io.WeightsManifestEntry[] }[];
      };
      const dir = dirname(modelJsonPath);
      const shards = json.weightsManifest.flatMap((group) =>
        group.paths.map((p) => readFileSync(join(dir, p))),
      );
      const buffer = Buffer.concat(shards);
      return {
        modelTopology: json.modelTopology,
        format: json.format,
        signature: json.signature,
        userDefinedMetadata: json.userDefinedMetadata,
        weightSpecs: json.weightsManifest.flatMap((group) => group.weights),
        weightData: buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength),
      };
    },
  };
}

/** An IO handler for a bare weights manifest (face-api's format: an array of weight groups). */
export function fileWeights(manifestPath: string): io.IOHandler {
  return {
    async load() {
      const groups = JSON.parse(readFileSync(manifestPath, 'utf8')) as io.WeightsManifestConfig;
      const dir = dirname(manifestPath);
      const buffer = Buffer.concat(
        groups.flatMap((group) => group.paths.map((p) => readFileSync(join(dir, p)))),
      );
      return {
        weightSpecs: groups.flatMap((group) => group.weights),
        weightData: buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength),
      };
    },
  };
}
