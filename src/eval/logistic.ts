/**
 * Logistic regression fitted by Newton's method (iteratively reweighted least squares), with an
 * L2 penalty on the weights but not on the bias. A dozen features and tens of thousands of rows
 * converge in a few steps, exactly and without a learning rate to choose. For fitting the story
 * grouping model (scripts/fit-grouping.ts); nothing at run time fits anything.
 */

export interface LogisticFit {
  readonly bias: number;
  readonly weights: number[];
  /** Mean log-loss on the rows fitted. */
  readonly logLoss: number;
  readonly iterations: number;
}

export interface LogisticOptions {
  /** L2 penalty on the weights (not the bias). */
  readonly l2?: number;
  readonly maxIterations?: number;
  /** Stop when no weight moves more than this. */
  readonly tolerance?: number;
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** Fits P(y = 1 | x) = sigmoid(bias + weights · x). `rows` are feature vectors, `labels` 0 or 1. */
export function fitLogistic(rows: readonly (readonly number[])[], labels: readonly number[], options: LogisticOptions = {}): LogisticFit {
  if (rows.length === 0 || rows.length !== labels.length) throw new Error('fitLogistic needs as many labels as rows, and at least one');
  const l2 = options.l2 ?? 1;
  const dimension = rows[0]!.length + 1;
  const x = (row: readonly number[], k: number) => (k === 0 ? 1 : row[k - 1]!);
  let w = new Array<number>(dimension).fill(0);
  let iterations = 0;
  for (; iterations < (options.maxIterations ?? 50); iterations++) {
    const gradient = new Array<number>(dimension).fill(0);
    const hessian = Array.from({ length: dimension }, () => new Array<number>(dimension).fill(0));
    rows.forEach((row, n) => {
      let z = 0;
      for (let k = 0; k < dimension; k++) z += w[k]! * x(row, k);
      const p = sigmoid(z);
      const curvature = p * (1 - p);
      for (let k = 0; k < dimension; k++) {
        const xk = x(row, k);
        gradient[k]! += (p - labels[n]!) * xk;
        for (let l = k; l < dimension; l++) hessian[k]![l]! += curvature * xk * x(row, l);
      }
    });
    for (let k = 0; k < dimension; k++) for (let l = 0; l < k; l++) hessian[k]![l] = hessian[l]![k]!;
    for (let k = 1; k < dimension; k++) {
      gradient[k]! += l2 * w[k]!;
      hessian[k]![k]! += l2;
    }
    const step = solve(hessian, gradient);
    w = w.map((value, k) => value - step[k]!);
    if (Math.max(...step.map(Math.abs)) < (options.tolerance ?? 1e-9)) {
      iterations++;
      break;
    }
  }
  let loss = 0;
  rows.forEach((row, n) => {
    let z = 0;
    for (let k = 0; k < dimension; k++) z += w[k]! * x(row, k);
    const p = Math.min(1 - 1e-15, Math.max(1e-15, sigmoid(z)));
    loss -= labels[n] === 1 ? Math.log(p) : Math.log(1 - p);
  });
  return { bias: w[0]!, weights: w.slice(1), logLoss: loss / rows.length, iterations };
}

/** Solves A x = b by Gaussian elimination with partial pivoting (A is small, symmetric, positive definite). */
function solve(matrix: readonly number[][], vector: readonly number[]): number[] {
  const n = vector.length;
  const a = matrix.map((row, k) => [...row, vector[k]!]);
  for (let column = 0; column < n; column++) {
    let pivot = column;
    for (let r = column + 1; r < n; r++) if (Math.abs(a[r]![column]!) > Math.abs(a[pivot]![column]!)) pivot = r;
    [a[column], a[pivot]] = [a[pivot]!, a[column]!];
    const lead = a[column]![column]!;
    if (lead === 0) continue;
    for (let r = 0; r < n; r++) {
      if (r === column) continue;
      const factor = a[r]![column]! / lead;
      if (factor !== 0) for (let k = column; k <= n; k++) a[r]![k]! -= factor * a[column]![k]!;
    }
  }
  return a.map((row, k) => (row[k] === 0 ? 0 : row[n]! / row[k]!));
}
