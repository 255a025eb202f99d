// Times the extractor on a text, for the benchmark and the speed guard in the tests (no I/O: the clock only).
import { extractDirective, type ExtractOptions } from './index'

export interface ExtractionTiming {
  /** Median and fastest of the timed runs, in milliseconds. */
  medianMs: number
  minMs: number
  runs: number
  tasks: number
}

/** Runs the extraction `runs` times after two warm-up runs and reports the median and the fastest. */
export function timeExtraction(text: string, options: ExtractOptions = {}, runs = 5): ExtractionTiming {
  let tasks = 0
  for (let i = 0; i < 2; i++) tasks = extractDirective(text, options).tasks.length
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    extractDirective(text, options)
    samples.push(performance.now() - started)
  }
  samples.sort((a, b) => a - b)
  return { medianMs: samples[Math.floor(samples.length / 2)], minMs: samples[0], runs, tasks }
}
