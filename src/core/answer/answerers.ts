/** The answerers core offers, loaded together when a front end picks one (they bring the reader and its weights). */
export { createExtractiveAnswerer } from './extractive.js';
export { createLlmAnswerer } from './llm.js';
export { createNeuralAnswerer } from './neural/answerer.js';
export { loadPrompts } from './prompts.js';
