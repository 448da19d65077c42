import { createApp } from '@decorumjs/decorum';
import { AuthController, StatusController, UsersController } from './routes.js';

export const app = createApp({
  title: 'Security tutorial',
  version: '1.0.0',
  description: "FastAPI's security tutorial: OAuth2 password flow, JWT access tokens and scopes. Log in as johndoe / secret.",
  controllers: [AuthController, UsersController, StatusController],
});
