// `npm start`: the built server with the security headers on every response and a body limit as
// large as an import may be (scripts/serve.js). BUILD_DIR picks another build folder.
import path from 'node:path';
import { serve } from './serve.js';

await serve(path.resolve(process.env.BUILD_DIR ?? 'build'));
