#!/usr/bin/env node
console.log('kqlhunt');
