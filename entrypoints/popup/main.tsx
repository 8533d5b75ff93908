import { render } from 'preact';
import { Popup } from '~/src/ui/popup/Popup';
import '~/src/ui/popup/popup.css';

render(<Popup />, document.getElementById('app')!);
