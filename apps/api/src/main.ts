import { x } from '@copydesk/contracts';
console.log('hello', x);
