#!/usr/bin/env node
import '../dist/cli/keck-atlas.mjs';
