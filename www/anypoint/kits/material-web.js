// Google's Material Web text field (npm @material/web): bundled by ./build.sh into
// /assets/kit-material-web.js, which the practice page loads late (design-systems.js).
import '@material/web/textfield/outlined-text-field.js';
