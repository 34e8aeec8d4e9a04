import { loadModel, loadOptimizerState, saveModel, saveOptimizerState, type OptimizerCheckpoint } from '../../model/io/checkpoint'
import type { Seq2SeqModel } from '../../model/network/seq2seq'
import type { TrainingCheckpoint } from '../../model/training/trainer'
import { fileSystemHandler, replaceDirectoryAtomically } from './fs-io'

/** Writes a loadable model directory (model.json + model.bin) atomically. */
export async function saveModelDir(model: Seq2SeqModel, dir: string): Promise<void> {
  await replaceDirectoryAtomically(dir, (tmp) => saveModel(model, fileSystemHandler(tmp)))
}

/** Loads a model directory written by saveModelDir or saveTrainingCheckpoint. */
export const loadModelDir = (dir: string): Promise<Seq2SeqModel> => loadModel(fileSystemHandler(dir))

/**
 * Writes a training checkpoint directory atomically: the model files plus optimizer.json/.bin (Adam moments
 * and trainer state). The directory is also a plain loadable model directory.
 */
export async function saveTrainingCheckpoint(ckpt: TrainingCheckpoint, dir: string): Promise<void> {
  await replaceDirectoryAtomically(dir, async (tmp) => {
    await saveModel(ckpt.model, fileSystemHandler(tmp))
    await saveOptimizerState(ckpt.optimizer, ckpt.state, fileSystemHandler(tmp, 'optimizer'))
  })
}

/** Reads a training checkpoint for `new Trainer(model, cfg, resume)`; dispose `resume.tensors` afterwards. */
export async function loadTrainingCheckpoint(dir: string): Promise<{ model: Seq2SeqModel; resume: OptimizerCheckpoint }> {
  const model = await loadModelDir(dir)
  return { model, resume: await loadOptimizerState(fileSystemHandler(dir, 'optimizer')) }
}
