import { parentPort, workerData } from 'node:worker_threads';
import { listingMessage } from './listing.js';

const message = listingMessage(workerData as string);
parentPort!.postMessage(message, message.type === 'listed' ? [message.numbers.buffer as ArrayBuffer] : []);
