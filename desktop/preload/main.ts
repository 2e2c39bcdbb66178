import { contextBridge } from 'electron';
import { createMainWindowApi } from './api.ts';
import { electronBridge } from './electron-bridge.ts';

contextBridge.exposeInMainWorld('pp', createMainWindowApi(electronBridge));
