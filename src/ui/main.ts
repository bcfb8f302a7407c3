import './styles/global.css';
import './app-shell';
