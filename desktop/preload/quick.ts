import { contextBridge } from 'electron';
import { createQuickWindowApi } from './api.ts';
import { electronBridge } from './electron-bridge.ts';

contextBridge.exposeInMainWorld('pp', createQuickWindowApi(electronBridge));
