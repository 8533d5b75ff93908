import { render } from 'preact';
import { OptionsApp } from '~/src/ui/options/App';
import '~/src/ui/options/options.css';

render(<OptionsApp />, document.getElementById('app')!);
